using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>
/// A variant's hunks taken apart: the verdict of every invariant (and of deadlock, when the
/// model checks it) under every subset of its hunks (rows in order of the subsets' bit masks,
/// the empty set first), and per column the minimal sufficient hunk sets and the necessary
/// hunks. A subset that only "fixes" by removing behaviour (see <see cref="AblationRow.Degenerate"/>)
/// counts for no fix.
/// </summary>
/// <param name="Variant">The variant taken apart.</param>
/// <param name="Columns">The invariants' names, then <see cref="Model.DeadlockProperty"/> when deadlock is checked.</param>
/// <param name="Rows">One row per subset of the variant's hunks.</param>
public sealed record Ablation(Variant Variant, ImmutableArray<string> Columns, ImmutableArray<AblationRow> Rows)
{
    /// <summary>The subsets under which <paramref name="property"/> holds, without removing behaviour to get there.</summary>
    public IEnumerable<ImmutableArray<Hunk>> Holding(string property) =>
        Rows.Where(r => r.Verdicts[property] == Verdict.Holds && r.Degenerate.IsEmpty).Select(r => r.Hunks);

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
        return Holding(property).Count() == Rows.Count(r => r.Degenerate.IsEmpty && minimal.Any(m => m.All(r.Hunks.Contains)));
    }

    /// <summary>The subsets under which the property holds only because behaviour was removed (they count for no fix).</summary>
    public IEnumerable<AblationRow> HoldingByRemoval(string property) =>
        Rows.Where(r => r.Verdicts[property] == Verdict.Holds && !r.Degenerate.IsEmpty);
}
