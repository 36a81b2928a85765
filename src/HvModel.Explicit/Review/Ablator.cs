using System.Collections.Immutable;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Explicit.Review;

/// <summary>Checks every subset of a variant's hunks with the explicit engine (all invariants in one run per subset).</summary>
public static class Ablator
{
    /// <summary>More hunks than this would mean more runs than a review wants to wait for.</summary>
    public const int MaxHunks = 8;

    public static Ablation Run(Model model, Variant full, CheckOptions options)
    {
        var invariants = model.Properties.Where(p => p.Kind == PropertyKind.Invariant).ToImmutableArray();
        var engine = new ExplicitEngine();
        var rows = ImmutableArray.CreateBuilder<AblationRow>();
        foreach (var subset in Subsets(full.Hunks))
        {
            var variant = new Variant(Label(subset), subset, "", full.Span);
            var results = engine.Check(model, variant, invariants, options with { CheckDeadlock = false, Progress = null });
            rows.Add(new AblationRow(subset, results.ToImmutableDictionary(r => r.Property, r => r.Verdict)) { Reason = results.FirstOrDefault(r => r.Verdict == Verdict.Unknown)?.Reason });
        }

        return new Ablation(full, invariants, rows.ToImmutable());
    }

    private static IEnumerable<ImmutableArray<Hunk>> Subsets(ImmutableArray<Hunk> hunks)
    {
        for (var mask = 0; mask < 1 << hunks.Length; mask++)
        {
            yield return [.. hunks.Where((_, i) => (mask & (1 << i)) != 0)];
        }
    }

    private static string Label(ImmutableArray<Hunk> subset) => subset.IsEmpty ? "{}" : string.Join("+", subset.Select(h => h.Name));
}
