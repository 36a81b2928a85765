using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Prove;

namespace HvModel.Cli;

/// <summary>
/// The lemmas prove inferred, as a file of <c>lemma</c> declarations that <c>--lemmas FILE</c>
/// adds to the model: what Ivy calls the invariant file. Only variants whose every property was
/// proved give lemmas (their conjunction with the properties is inductive for every size, so in
/// particular in each configuration the engines check). Each lemma is guarded by its variant's
/// hunk set, so it holds trivially in the other variants: with the file added, every engine
/// checks every lemma (kind proves them with the properties at once; see KInductionEngine).
/// </summary>
public static class LemmaFile
{
    public static string Write(Model model, IReadOnlyList<VariantProof> proofs, string version)
    {
        var text = new StringBuilder();
        text.Append($"-- Lemmas inferred by hvmodel {version} prove for model {model.Name}: add them with --lemmas FILE.\n");
        text.Append("-- Each holds in its variant for every size of the scalarsets, certified with the properties;\n");
        text.Append("-- its guard names the variant's hunks, so it holds trivially in the other variants.\n");
        foreach (var proof in proofs)
        {
            var variant = model.GetVariant(proof.Variant);
            if (proof.Properties.Any(p => p.Verdict != Verdict.Holds))
            {
                text.Append($"-- variant {variant.Name}: not every property was proved, no lemmas\n");
                continue;
            }

            var guard = Guard(model, variant);
            foreach (var lemma in proof.Invariant.Where(l => l.Origin == LemmaOrigin.Inferred))
            {
                var body = guard is null ? lemma.Text : $"{guard} -> ({lemma.Text})";
                text.Append($"lemma {variant.Name}_{lemma.Name} \"inferred by prove for {variant.Name}, for every size\": {body}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>"hunk a and !(hunk b)": true in exactly the variants with this hunk set; null when the model has no hunk.</summary>
    private static string? Guard(Model model, Variant variant) =>
        model.Hunks.Length == 0 ? null
        : $"({string.Join(" and ", model.Hunks.Select(h => variant.Applies(h) ? $"hunk {h.Name}" : $"!(hunk {h.Name})"))})";
}
