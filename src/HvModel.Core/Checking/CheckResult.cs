using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Core.Checking;

/// <summary>
/// The verdict of one (variant, property, engine) run. For an invariant, Violated comes with a
/// shortest counterexample; for a cover, Holds means the goal was reached and the trace is the
/// witness. Unknown always carries the reason; it is never turned into Holds.
/// </summary>
public sealed record CheckResult(
    string Variant,
    string Property,
    PropertyKind Kind,
    string Engine,
    Verdict Verdict,
    long States,
    long Transitions,
    int Depth,
    double Seconds,
    string? Reason = null,
    Trace? Trace = null)
{
    /// <summary>The expected verdict (see <see cref="Model.Expected"/>); Unknown when none is known in advance.</summary>
    public Verdict Expected { get; init; } = Verdict.Holds;

    /// <summary>
    /// For an engine that counts states: true when <see cref="States"/> and
    /// <see cref="Transitions"/> count every reachable state, false when the search stopped before
    /// (once every verdict was known, or at a limit: see the unknown verdicts' reasons); null for
    /// an engine that counts no states.
    /// </summary>
    public bool? Complete { get; init; }

    /// <summary>Which independent re-checks a symbolic proof passed or failed (e.g. "pdr invariant re-checked: initiation, consecution, safety (z3 4.8.12)"); null when none ran.</summary>
    public string? Certificate { get; init; }

    /// <summary>
    /// An unknown verdict because the time given to its run (a share of <c>--timeout</c>) ran
    /// out before the run's whole time did: <see cref="CheckRunner"/> may give it another turn.
    /// </summary>
    public bool OutOfTime { get; init; }

    /// <summary>
    /// A verdict that rests on every reachable state having been seen (an invariant holds, a
    /// cover is unreached, no deadlock) by a search that kept fingerprints of states
    /// (<c>--fingerprint</c>): the probability that a fingerprint collision hid a state, and the
    /// verdict may be wrong. Null for every other verdict.
    /// </summary>
    public double? CollisionProbability { get; init; }

    /// <summary>True when the verdict is definite and contradicts a definite expectation (never for a cell not checked).</summary>
    public bool Differs => IsDefinite(Expected) && IsDefinite(Verdict) && Verdict != Expected;

    private static bool IsDefinite(Verdict v) => v is Verdict.Holds or Verdict.Violated;
}
