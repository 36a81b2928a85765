namespace HvModel.Core.Checking;

/// <summary>Limits and switches for one check. Hitting a limit gives verdict Unknown with the reason.</summary>
public sealed record CheckOptions
{
    /// <summary>Most distinct states the explicit engine stores before it gives up.</summary>
    public long MaxStates { get; init; } = 50_000_000;

    /// <summary>Wall-clock limit: a whole engine run (explicit), the whole run (symbolic, through <see cref="Deadline"/>).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>When the run's time is up (UTC): every solver call gets only the time left. Set by <see cref="StartClock"/>.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Bound for bounded model checking and k-induction.</summary>
    public int Depth { get; init; } = 40;

    /// <summary>Explicit engine: identify states that differ by a permutation of a scalarset.</summary>
    public bool Symmetry { get; init; } = true;

    /// <summary>Check for states with no enabled action (unless the model allows them).</summary>
    public bool CheckDeadlock { get; init; } = true;

    /// <summary>Symbolic engines: write every SMT-LIB query into this folder.</summary>
    public string? DumpSmtDirectory { get; init; }

    /// <summary>Symbolic pdr: print the inductive invariant found.</summary>
    public bool ShowInvariant { get; init; }

    /// <summary>Called now and then with a one-line progress report.</summary>
    public Action<string>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>These options with <see cref="Deadline"/> set <see cref="Timeout"/> from now, unless a deadline is already set.</summary>
    public CheckOptions StartClock() =>
        Deadline is null && Timeout is { } t ? this with { Deadline = DateTime.UtcNow + t } : this;
}
