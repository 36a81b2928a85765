using System.Collections.Immutable;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Patches;
using HvModel.Core.Review;
using HvModel.Core.Text;

namespace HvModel.Explicit.Review;

/// <summary>
/// Reviews a patch series against a model: each patch is read against the hunks the model has
/// so far (from the base), the variant after it is checked, and the last one is compared with
/// the base by <see cref="VariantDiffer"/>, the same comparison as <c>hvmodel diff</c>.
/// </summary>
public static class PatchReviewer
{
    public static PatchReview Review(Model model, Variant baseVariant, PatchSeries series, CheckOptions options)
    {
        var read = new List<(PatchMatch Match, Variant Before, Variant After)>();
        var declaredVariants = model.Variants;
        var current = baseVariant;
        var declared = true;
        foreach (var patch in series.Patches)
        {
            var before = current;
            var match = HunkMatcher.Match(model, patch, before);
            var hunks = HunkMatcher.Result(model, before, [match]);
            (current, declared) = VariantOf(declaredVariants, model.Variants, hunks, read.Count + 1);
            if (!declared && !model.Variants.Contains(current))
            {
                // Reports and expectations look variants up by name: the made one joins the model.
                model = model with { Variants = model.Variants.Add(current) };
            }

            read.Add((match, before, current));
        }

        // Each step is checked as the diff from the base checks it, so that the two never
        // disagree; the last step's results are the diff's own, not a second exploration.
        var diff = VariantDiffer.Diff(model, baseVariant, current, options);
        var steps = read.Select((r, i) => new PatchStep(r.Match, r.Before, r.After, i == read.Count - 1
            ? diff.ResultsInB
            : [.. VariantDiffer.Check(model, r.After, baseVariant, options)]));
        return new PatchReview(model, baseVariant, [.. steps], diff, declared);
    }

    /// <summary>
    /// The declared variant with exactly these hunks, else one made before for them (an earlier
    /// patch of the series), else a new one named for the patch.
    /// </summary>
    private static (Variant Variant, bool Declared) VariantOf(ImmutableArray<Variant> declared, ImmutableArray<Variant> known, ImmutableArray<Hunk> hunks, int patch)
    {
        static bool Same(Variant v, ImmutableArray<Hunk> hunks) => v.Hunks.Length == hunks.Length && v.Hunks.All(hunks.Contains);
        if (declared.FirstOrDefault(v => Same(v, hunks)) is { } named)
        {
            return (named, true);
        }

        if (known.FirstOrDefault(v => Same(v, hunks)) is { } made)
        {
            return (made, false);
        }

        var name = $"patch{patch}";
        while (known.Any(v => v.Name == name))
        {
            name += "_";
        }

        return (new Variant(name, hunks, $"the hunks after patch {patch}", SourceSpan.None), false);
    }
}
