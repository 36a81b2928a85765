using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>One subset of a variant's hunks and every invariant's verdict under it.</summary>
public sealed record AblationRow(ImmutableArray<Hunk> Hunks, ImmutableDictionary<string, Verdict> Verdicts)
{
    /// <summary>Why a verdict of this subset is unknown (a limit), or null.</summary>
    public string? Reason { get; init; }
}
