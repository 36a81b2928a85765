using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>One subset of a variant's hunks and every column's verdict under it.</summary>
public sealed record AblationRow(ImmutableArray<Hunk> Hunks, ImmutableDictionary<string, Verdict> Verdicts)
{
    /// <summary>Why a verdict of this subset is unknown (a limit), or null.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// How this subset removes behaviour that the subset without hunks has: actions that fire
    /// there and never here, a deadlock that is new here. A property that holds under such a
    /// subset may hold only because the failing path can no longer run, so the subset counts for
    /// no fix. Empty when it removes none.
    /// </summary>
    public ImmutableArray<string> Degenerate { get; init; } = [];
}
