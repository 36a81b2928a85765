using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel ablate</c> as text: the hunks lettered, the matrix (rows: hunk subsets, columns:
/// invariants and deadlock), the subsets that remove behaviour, then for each column what it
/// needs and which hunks are necessary.
/// </summary>
public static class AblationTextReport
{
    public static string Render(Model model, Ablation ablation, int width = TextReport.Width)
    {
        var full = ablation.Variant;
        var sb = new StringBuilder();
        sb.AppendLine($"Ablation of variant {full.Name} of {model.Name}: {ablation.Rows.Length} subsets of its {full.Hunks.Length} hunks");
        for (var h = 0; h < full.Hunks.Length; h++)
        {
            foreach (var line in StateFormatter.Wrap($"  {(char)('A' + h)} = {full.Hunks[h].Name}: {full.Hunks[h].Description}", width - 4))
            {
                sb.AppendLine(line.StartsWith(' ') ? line : "      " + line);
            }
        }

        sb.AppendLine();
        Matrix(sb, ablation, width);
        Degenerate(sb, ablation, width);
        sb.AppendLine();
        for (var p = 0; p < ablation.Columns.Length; p++)
        {
            var name = ablation.Columns[p];
            StateFormatter.AppendWrapped(sb, $"[{p + 1}] {name}: {Needs(ablation, name)}", 2, width);
            var necessary = ablation.Necessary(name);
            if (!necessary.IsEmpty)
            {
                StateFormatter.AppendWrapped(sb, $"necessary: {string.Join(", ", necessary.Select(h => h.Name))}", 6, width);
            }
        }

        return sb.ToString();
    }

    /// <summary>The matrix (rows: hunk subsets, lettered; columns: properties), in the layout of every verdict matrix.</summary>
    public static void Matrix(StringBuilder sb, Ablation ablation, int width)
    {
        // Subset labels are a few letters: a fixed first column, and a cell a little wider than check's.
        var rows = ablation.Rows.Select(r => Letters(ablation.Variant, r) + (r.Degenerate.IsEmpty ? "" : "!")).ToList();
        VerdictMatrix.Grid(sb, "hunks", rows, ablation.Columns.Length, (r, p) => VerdictWords.Cell(PropertyKind.Invariant, ablation.Rows[r].Verdicts[ablation.Columns[p]]), 8, 10, width, rule: false);
    }

    /// <summary>The subsets marked '!' in the matrix, with the behaviour each removes.</summary>
    private static void Degenerate(StringBuilder sb, Ablation ablation, int width)
    {
        var rows = ablation.Rows.Where(r => !r.Degenerate.IsEmpty).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        StateFormatter.AppendWrapped(sb, "! removes behaviour that the subset without hunks has; what holds there counts for no fix:", 0, width);
        foreach (var r in rows)
        {
            StateFormatter.AppendWrapped(sb, $"{Letters(ablation.Variant, r)}: {string.Join(", ", r.Degenerate)}", 2, width);
        }
    }

    /// <summary>What a property needs, in words: its minimal sufficient hunk sets.</summary>
    public static string Needs(Ablation ablation, string property)
    {
        var unknown = ablation.Rows.Count(r => r.Verdicts[property] == Verdict.Unknown);
        if (unknown > 0)
        {
            // What a property needs cannot be told from runs that gave up.
            return $"unknown: a limit was hit in {unknown} of {ablation.Rows.Length} subsets (--max-states, --timeout)";
        }

        var minimal = ablation.MinimalSufficient(property);
        if (minimal.IsEmpty)
        {
            var byRemoval = ablation.HoldingByRemoval(property).Select(r => Letters(ablation.Variant, r)).ToList();
            return byRemoval.Count == 0
                ? "violated whatever hunks are applied"
                : $"violated whatever hunks are applied, except where behaviour is removed ({string.Join(", ", byRemoval)})";
        }

        if (minimal.Any(s => s.IsEmpty))
        {
            return "holds without any hunk";
        }

        var sets = minimal.Select(s => string.Join(" + ", s.Select(h => h.Name)));
        return $"needs {string.Join(", or ", sets)}{(ablation.Monotone(property) ? "" : " (not monotone: some supersets violate it)")}";
    }

    public static string Letters(Variant full, AblationRow row) =>
        row.Hunks.IsEmpty ? "-" : string.Concat(row.Hunks.Select(h => (char)('A' + full.Hunks.IndexOf(h))));
}
