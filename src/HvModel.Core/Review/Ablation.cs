using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>
/// A variant's hunks taken apart: the verdict of every invariant under every subset of its
/// hunks (rows in order of the subsets' bit masks, the empty set first), and per property the
/// minimal sufficient hunk sets and the necessary hunks.
/// </summary>
public sealed record Ablation(Variant Variant, ImmutableArray<PropertyDef> Properties, ImmutableArray<AblationRow> Rows)
{
    /// <summary>The subsets under which <paramref name="property"/> holds.</summary>
    public IEnumerable<ImmutableArray<Hunk>> Holding(string property) =>
        Rows.Where(r => r.Verdicts[property] == Verdict.Holds).Select(r => r.Hunks);

    /// <summary>Hunk sets under which the property holds and under no proper subset of which it does.</summary>
    public ImmutableArray<ImmutableArray<Hunk>> MinimalSufficient(string property)
    {
        var holding = Holding(property).ToList();
        return [.. holding.Where(s => !holding.Any(t => t.Length < s.Length && t.All(s.Contains)))];
    }

    /// <summary>
    /// The hunks in every subset under which the property holds: without any one of them it is
    /// violated (or unknown). Empty when no subset makes it hold (nothing is then necessary for a
    /// fix that does not exist).
    /// </summary>
    public ImmutableArray<Hunk> Necessary(string property)
    {
        var holding = Holding(property).ToList();
        return holding.Count == 0 ? [] : [.. Variant.Hunks.Where(h => holding.All(s => s.Contains(h)))];
    }

    /// <summary>True when some superset of a sufficient set violates the property again.</summary>
    public bool Monotone(string property)
    {
        var minimal = MinimalSufficient(property);
        return Holding(property).Count() == Rows.Count(r => minimal.Any(m => m.All(r.Hunks.Contains)));
    }
}
