using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>
/// The gate's result for a configuration: the findings of every variant checked, the states
/// each variant reaches (without symmetry), the expectations no finding matched, and the
/// variants whose exploration stopped at a limit, with the reason (then nothing is concluded for them).
/// </summary>
public sealed record GateReport(
    ImmutableArray<GateFinding> Findings,
    ImmutableArray<KeyValuePair<string, int>> States,
    ImmutableArray<GateExpectation> Unmatched,
    ImmutableArray<KeyValuePair<string, string>> Incomplete)
{
    /// <summary>0 when every finding is expected, 1 when one is not, 3 when an exploration was cut short.</summary>
    public int ExitCode => Findings.Any(f => !f.Expected) ? 1 : Incomplete.IsEmpty ? 0 : 3;
}
