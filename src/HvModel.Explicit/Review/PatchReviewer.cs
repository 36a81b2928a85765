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
        var steps = ImmutableArray.CreateBuilder<PatchStep>();
        var current = baseVariant;
        var declared = true;
        foreach (var patch in series.Patches)
        {
            var match = HunkMatcher.Match(model, patch, current);
            var hunks = HunkMatcher.Result(model, current, [match]);
            (current, declared) = VariantOf(model, hunks, steps.Count + 1);
            if (!declared)
            {
                // Reports and expectations look variants up by name: the made one joins the model.
                model = model with { Variants = model.Variants.Add(current) };
            }

            var results = new ExplicitEngine().Check(model, current, model.Properties, options with { Progress = null });
            steps.Add(new PatchStep(match, current, [.. results]));
        }

        var diff = VariantDiffer.Diff(model, baseVariant, current, options);
        return new PatchReview(model, baseVariant, steps.ToImmutable(), diff, declared);
    }

    /// <summary>The declared variant with exactly these hunks, or one made for the patch.</summary>
    private static (Variant Variant, bool Declared) VariantOf(Model model, ImmutableArray<Hunk> hunks, int patch)
    {
        if (model.Variants.FirstOrDefault(v => v.Hunks.Length == hunks.Length && v.Hunks.All(hunks.Contains)) is { } declared)
        {
            return (declared, true);
        }

        var name = $"patch{patch}";
        while (model.Variants.Any(v => v.Name == name))
        {
            name += "_";
        }

        var description = hunks.IsEmpty ? "no hunk" : string.Join(", ", hunks.Select(h => h.Name));
        return (new Variant(name, hunks, $"after patch {patch}: {description}", SourceSpan.None), false);
    }
}
