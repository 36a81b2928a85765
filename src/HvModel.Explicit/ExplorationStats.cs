namespace HvModel.Explicit;

/// <summary>Figures of one explicit-state run.</summary>
/// <param name="Variant">The variant explored.</param>
/// <param name="States">Distinct states stored (after symmetry reduction).</param>
/// <param name="Transitions">Successors generated, duplicates included.</param>
/// <param name="Depth">Length of the longest shortest path from an initial state (the BFS diameter).</param>
/// <param name="Seconds">Wall-clock time.</param>
/// <param name="StateBits">Information bits per state.</param>
/// <param name="Words">64-bit words per packed state.</param>
/// <param name="BytesPerState">All memory of the visited set per state.</param>
/// <param name="OverheadBytesPerState">Memory per state beyond its packed words.</param>
/// <param name="Permutations">The most symmetry permutations tried for one state (1: none, or members sorted without ties to try).</param>
/// <param name="Complete">True when every reachable state was explored.</param>
public sealed record ExplorationStats(
    string Variant,
    long States,
    long Transitions,
    int Depth,
    double Seconds,
    int StateBits,
    int Words,
    double BytesPerState,
    double OverheadBytesPerState,
    int Permutations,
    bool Complete)
{
    /// <summary>Why the search stopped before exploring every reachable state (null when complete).</summary>
    public string? Stopped { get; init; }

    /// <summary>How successors were computed: "interpreted", or "compiled in N s" (that time is part of <see cref="Seconds"/>).</summary>
    public string SuccessorFunction { get; init; } = "interpreted";

    /// <summary>Memory per state of the least-trace ranking, made during the search, beside the visited set.</summary>
    public double RankingBytesPerState { get; init; }

    /// <summary>
    /// Wall-clock time of the search from the initial states on (their enumeration excluded,
    /// the compile and the work after a stop included): what a rate per transition is measured on.
    /// </summary>
    public double SearchSeconds { get; init; }

    /// <summary>
    /// Wall-clock time of the search after the first state the compiled code expanded (0 when
    /// successors were never compiled): the steady rate per transition, without the interpreter
    /// that ran before and the compile itself.
    /// </summary>
    public double CompiledSeconds { get; init; }

    /// <summary>Transitions made in <see cref="CompiledSeconds"/>.</summary>
    public long CompiledTransitions { get; init; }

    /// <summary>Under symmetry, the share of the states canonicalized that the memo of representatives answered (see <see cref="CanonicalMemo"/>).</summary>
    public double? SymmetryMemo { get; init; }

    /// <summary>Processor time of the process over the run (all threads), beside <see cref="Seconds"/>: wall time misleads on a loaded machine.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Threads the run could expand states on (<c>--workers</c>).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>States whose successors the workers computed (the rest: the search's own thread, in small levels or before compiling).</summary>
    public long ExpandedByWorkers { get; init; }

    /// <summary>Under <c>--fingerprint</c>, the probability that two states shared a fingerprint (see <see cref="StateStore.CollisionProbability"/>); null for exact storage.</summary>
    public double? CollisionProbability { get; init; }

    /// <summary>One line for reports: memory per state and speed.</summary>
    public string Describe() =>
        $"{Variant}: {States} states, {StateBits} bits/state in {Words} word(s); visited set {BytesPerState:0.0} bytes/state " +
        $"({OverheadBytesPerState:0.0} beyond the {(CollisionProbability is null ? "packed words" : "64-bit fingerprint")}), least-trace ranking {RankingBytesPerState:0.0} bytes/state; {(Seconds > 0 ? States / Seconds : 0):0} states/s, " +
        $"{(Seconds > 0 ? Transitions / Seconds : 0):0} transitions/s ({(SearchSeconds > 0 ? Transitions / SearchSeconds : 0):0} during the {SearchSeconds:0.00} s of search after the initial states{(CompiledSeconds > 0 ? $", {CompiledTransitions / CompiledSeconds:0} during the {CompiledSeconds:0.00} s after the compile" : "")}){(Permutations > 1 ? $", symmetry at most {Permutations} permutations per state" : "")}{(SymmetryMemo is { } memo ? $", {memo:0%} of representatives remembered" : "")}; {CpuSeconds:0.00} s of processor time, {(CpuSeconds > 0 ? Transitions / CpuSeconds : 0):0} transitions per processor second; successors {SuccessorFunction}" +
        (Workers > 1 ? $"; {ExpandedByWorkers} states expanded by {Workers} workers" : "") +
        (CollisionProbability is { } p ? $"; states stored as fingerprints, collision probability {p:0.0e0}" : "") +
        (Stopped is null ? "" : $"; a partial search: {Stopped}");
}
