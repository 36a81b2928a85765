using System.Diagnostics;

namespace HvModel.Symbolic.Smt;

/// <summary>
/// Every solver process hvmodel has started and not yet reaped, so that a signal can end them
/// all: a solver left behind keeps a core busy long after the user gave up on the run. Once
/// <see cref="StopAll"/> has run, no new solver starts; opening one fails with the reason.
/// </summary>
public static class SolverRegistry
{
    private static readonly object Gate = new();
    private static readonly HashSet<Process> Live = [];
    private static string? interruption;

    /// <summary>Why the solvers were stopped (e.g. "interrupted by SIGTERM"), or null while they may run.</summary>
    public static string? Interruption
    {
        get
        {
            lock (Gate)
            {
                return interruption;
            }
        }
    }

    /// <summary>Number of solver processes currently running.</summary>
    public static int LiveCount
    {
        get
        {
            lock (Gate)
            {
                return Live.Count;
            }
        }
    }

    /// <summary>Ends every running solver and refuses new ones; returns how many were ended.</summary>
    public static int StopAll(string reason)
    {
        Process[] victims;
        lock (Gate)
        {
            interruption ??= reason;
            victims = [.. Live];
        }

        foreach (var p in victims)
        {
            Kill(p);
        }

        return victims.Length;
    }

    /// <summary>Records a started solver; ends it at once and throws when the solvers were stopped.</summary>
    internal static void Add(Process process)
    {
        string? stopped;
        lock (Gate)
        {
            stopped = interruption;
            if (stopped is null)
            {
                Live.Add(process);
            }
        }

        if (stopped is not null)
        {
            Kill(process);
            throw new SolverException(stopped);
        }
    }

    internal static void Remove(Process process)
    {
        lock (Gate)
        {
            Live.Remove(process);
        }
    }

    internal static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we kill it.
        }
    }
}
