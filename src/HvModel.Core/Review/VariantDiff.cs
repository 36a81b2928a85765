using System.Collections.Immutable;
using HvModel.Core.Checking;

namespace HvModel.Core.Review;

/// <summary>
/// What changes from variant A to variant B of one model: every property's verdict in both,
/// A's counterexamples replayed on B, and B's regressions (violated in B, not in A) with B's
/// shortest counterexample.
/// </summary>
public sealed record VariantDiff(
    string A,
    string B,
    ImmutableArray<VerdictPair> Verdicts,
    ImmutableArray<StoryReplay> Replays,
    ImmutableArray<CheckResult> Regressions)
{
    /// <summary>True when a run of either variant gave unknown (a limit was hit).</summary>
    public bool Inconclusive => Verdicts.Any(v => v.InA == Ir.Verdict.Unknown || v.InB == Ir.Verdict.Unknown);

    /// <summary>B's results as the diff checked them (its deadlock rule, expectations set): what a caller needs of B without checking it again.</summary>
    public ImmutableArray<CheckResult> ResultsInB { get; init; } = [];

    /// <summary>Why a verdict is unknown (the first limit hit), when one is.</summary>
    public string? UnknownReason { get; init; }
}
