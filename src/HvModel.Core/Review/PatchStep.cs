using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>One patch of a series: what it was read as, the variants the model has before and after it, and every property's result after.</summary>
public sealed record PatchStep(PatchMatch Match, Variant Before, Variant After, ImmutableArray<Checking.CheckResult> Results)
{
    public Verdict Verdict(string property) => Results.First(r => r.Property == property).Verdict;
}
