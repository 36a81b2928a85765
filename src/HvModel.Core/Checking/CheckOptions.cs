using HvModel.Core.Ir;

namespace HvModel.Core.Checking;

/// <summary>Limits and switches for one check. Hitting a limit gives verdict Unknown with the reason.</summary>
public sealed record CheckOptions
{
    /// <summary>Most distinct states the explicit engine stores before it gives up.</summary>
    public long MaxStates { get; init; } = 50_000_000;

    /// <summary>Wall-clock limit: a whole engine run (explicit), the whole run (symbolic, through <see cref="Deadline"/>).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Most bytes of memory hvmodel's own process may use (<c>--max-memory</c>); beyond it a run
    /// gives up with verdict Unknown. Null for no limit.
    /// </summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>When the run's time is up (UTC): every solver call gets only the time left. Set by <see cref="StartClock"/>.</summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Bound for bounded model checking and k-induction.</summary>
    public int Depth { get; init; } = 40;

    /// <summary>
    /// Explicit engine: threads that expand a level's states (<c>--workers</c>). The results,
    /// counts and traces are the same for any number; only the time differs.
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary>
    /// Explicit engine: keep a 64-bit fingerprint of each state instead of the state
    /// (<c>--fingerprint</c>, as TLC does): less memory, and a small probability, reported with
    /// each verdict, that a collision hid a state.
    /// </summary>
    public bool Fingerprints { get; init; }

    /// <summary>Explicit engine: identify states that differ by a permutation of a scalarset.</summary>
    public bool Symmetry { get; init; } = true;

    /// <summary>
    /// Report on deadlock (a reachable state with no enabled action) in each variant: checked where
    /// the model asks for it (see <see cref="Model.ChecksDeadlock"/>), reported as not checked
    /// otherwise. False: no deadlock result at all (a run for chosen properties only, ablate).
    /// </summary>
    public bool CheckDeadlock { get; init; } = true;

    /// <summary>
    /// Turns the deadlock check off for one run (<c>--no-deadlock</c>, as SPIN's <c>-E</c> and
    /// TLC's <c>CHECK_DEADLOCK FALSE</c>): deadlock is reported as not checked.
    /// </summary>
    public bool NoDeadlock { get; init; }

    /// <summary>
    /// Explicit engine: explore every reachable state even once every verdict is known (a state
    /// graph, statistics). Without it the search stops at the last verdict, and says so.
    /// </summary>
    public bool Exhaustive { get; init; }

    /// <summary>
    /// kind: generate candidate invariants beside the goals (its invariant generator, as Kind 2's
    /// <c>invgen</c>). False (<c>--no-invariant-generation</c>): the goals and the model's lemmas alone.
    /// </summary>
    public bool GenerateInvariants { get; init; } = true;

    /// <summary>Symbolic engines: write every SMT-LIB query into this folder.</summary>
    public string? DumpSmtDirectory { get; init; }

    /// <summary>Symbolic pdr: print the inductive invariant found.</summary>
    public bool ShowInvariant { get; init; }

    /// <summary>Called now and then with a one-line progress report.</summary>
    public Action<string>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// For certificates: the reachable states of a model and variant, as the explicit engine finds
    /// them (null when there are too many), so that a claimed invariant is evaluated on each.
    /// Null when no explicit engine is at hand (the check is then not run, and said so).
    /// </summary>
    public Func<Model, Variant, IReadOnlyList<int[]>?>? ReachableStates { get; init; }

    /// <summary>
    /// The model bound again with these constants set (on top of the user's own): the model at
    /// other sizes of its scalarsets, where kind's invariant generator samples when the
    /// configuration checked has too many states. Null when the caller cannot bind the model.
    /// </summary>
    public Func<IReadOnlyDictionary<string, string>, Model>? Rebind { get; init; }

    /// <summary>These options with <see cref="Deadline"/> set <see cref="Timeout"/> from now, unless a deadline is already set.</summary>
    public CheckOptions StartClock() =>
        Deadline is null && Timeout is { } t ? this with { Deadline = DateTime.UtcNow + t } : this;
}
