using System.Runtime.InteropServices;
using HvModel.Symbolic.Smt;

namespace HvModel.Cli;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP end every solver process hvmodel started (a z3 left behind keeps
/// a core busy at full load long after the user gave up), then let the run print what it has:
/// verdicts not reached are unknown, and the exit code is 3. A run that cannot stop at once is
/// ended a few seconds later, and a second signal ends it at once.
/// </summary>
public sealed class SignalHandling : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static readonly CancellationTokenSource Stop = new();
    private static string? received;

    private readonly PosixSignalRegistration[] registrations;

    private SignalHandling()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handle),
        ];
    }

    /// <summary>Cancelled when a signal arrives: engines stop and give unknown for the rest.</summary>
    public static CancellationToken Token => Stop.Token;

    public static SignalHandling Install() => new();

    /// <summary>The run's exit code: 3 once a signal has arrived, whatever the verdicts so far.</summary>
    public static int ExitCode(int code) => Volatile.Read(ref received) is null ? code : 3;

    public void Dispose()
    {
        foreach (var r in registrations)
        {
            r.Dispose();
        }
    }

    private static void Handle(PosixSignalContext context)
    {
        // Keep the process alive so that the report of what was reached is printed.
        context.Cancel = true;
        var name = context.Signal switch
        {
            PosixSignal.SIGINT => "SIGINT",
            PosixSignal.SIGTERM => "SIGTERM",
            PosixSignal.SIGHUP => "SIGHUP",
            _ => context.Signal.ToString(),
        };
        var reason = $"interrupted by {name}";
        if (Interlocked.CompareExchange(ref received, reason, null) is not null)
        {
            SolverRegistry.StopAll(reason);
            Console.Error.WriteLine($"hvmodel: {reason} again: stopping now");
            Environment.Exit(3);
        }

        var ended = SolverRegistry.StopAll(reason);
        Stop.Cancel();
        Console.Error.WriteLine($"{Environment.NewLine}hvmodel: {reason}: {ended} solver process{(ended == 1 ? string.Empty : "es")} ended; verdicts not reached are unknown");
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(Grace);
            SolverRegistry.StopAll(reason);
            Console.Error.WriteLine($"hvmodel: {reason}: the run did not stop within {Grace.TotalSeconds:0} s; exiting");
            Environment.Exit(3);
        })
        { IsBackground = true };
        watchdog.Start();
    }
}
