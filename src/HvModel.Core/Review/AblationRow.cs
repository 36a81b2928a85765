using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>One subset of a variant's hunks and every invariant's verdict under it.</summary>
public sealed record AblationRow(ImmutableArray<Hunk> Hunks, ImmutableDictionary<string, Verdict> Verdicts);
