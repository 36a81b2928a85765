using System.Diagnostics;
using HvModel.Core.Checking;

namespace HvModel.Explicit;

/// <summary>
/// The bounds of one explicit run, in every phase (initial states, search): the state limit,
/// the time limit, cancellation, and the memory the visited set may take. A bound hit ends the
/// run with a reason; it never turns into a verdict.
/// </summary>
internal sealed class SearchLimits
{
    private readonly CheckOptions options;
    private int calls;

    public SearchLimits(CheckOptions options)
    {
        this.options = options;
        // Half of what the machine (or container) gives the process: beyond it, growing the
        // visited set would end in a fatal out-of-memory rather than an unknown.
        MemoryBudget = Math.Max(64L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);
        if (options.MaxMemoryBytes is { } max)
        {
            // --max-memory covers the whole process; the visited set is most of it, so it gets
            // three quarters, and the process's own size is checked as the search goes.
            MemoryBudget = Math.Min(MemoryBudget, max / 4 * 3);
        }
    }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>Bytes the visited set may hold.</summary>
    public long MemoryBudget { get; }

    /// <summary>Why the run must stop now (time, cancellation), or null.</summary>
    public string? Exceeded()
    {
        // The whole run's deadline (every variant together), set by CheckRunner from --timeout;
        // without one (an engine run on its own) the time limit counts from this run's start.
        // One or the other, so that the reason does not depend on which clock a check saw first.
        if (options.Deadline is { } deadline)
        {
            if (DateTime.UtcNow > deadline)
            {
                return $"time limit reached ({options.Timeout?.TotalSeconds ?? 0:0.#} s for the whole run)";
            }
        }
        else if (options.Timeout is { } limit && Clock.Elapsed > limit)
        {
            return $"time limit reached ({limit.TotalSeconds:0.#} s)";
        }

        if (options.MaxMemoryBytes is { } max && GC.GetTotalMemory(forceFullCollection: false) > max)
        {
            return $"memory limit reached (--max-memory {max >> 20} MiB)";
        }

        return options.Cancellation.IsCancellationRequested ? "cancelled" : null;
    }

    /// <summary>
    /// For the work after a stop (examining the states already stored): true once it has run a
    /// tenth of the time limit, and at least a second, past it.
    /// </summary>
    public bool Overtime() =>
        options.Timeout is { } limit && Clock.Elapsed > limit + TimeSpan.FromSeconds(Math.Max(1, limit.TotalSeconds / 10));

    /// <summary>True when no new state may be stored beside the <paramref name="stored"/> ones.</summary>
    public bool Full(long stored) => stored >= options.MaxStates;

    /// <summary>
    /// Called for every state stored or seen again, from inside an enumeration: stops it at the
    /// time limit within a few hundred calls.
    /// </summary>
    public void Tick()
    {
        if ((++calls & 255) == 0 && Exceeded() is { } reason)
        {
            throw new SearchStopped(reason);
        }
    }

    public string StateLimitReason => $"state limit reached ({options.MaxStates} states)";
}
