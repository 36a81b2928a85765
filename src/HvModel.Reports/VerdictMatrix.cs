using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// The one layout of a verdict matrix, for a terminal (80 columns) and for mail (72): rows
/// under a corner label, columns numbered <c>[1]</c>, <c>[2]</c>... with a legend, as many
/// columns a block as fit the width, more in another block below. <c>check</c>'s matrix
/// (variants by properties) and <c>ablate</c>'s (hunk subsets by properties) both use it.
/// </summary>
public static class VerdictMatrix
{
    /// <summary>The narrowest cell: "VIOLATED" and a space.</summary>
    public const int MinCell = 9;

    private const int MaxRowLabel = 24;

    /// <summary>
    /// The verdicts of <paramref name="columns"/> (rows: variants), then the legend; under a
    /// title line when one is given. A cell whose verdict differs from the expected one is
    /// marked '!', and the legend says so.
    /// </summary>
    public static void Write(StringBuilder sb, string? title, IReadOnlyList<CheckResult> results, IReadOnlyList<string> columns, int width)
    {
        if (columns.Count == 0)
        {
            return;
        }

        var variants = results.Select(r => r.Variant).Distinct().ToList();
        var first = Math.Min(MaxRowLabel, Math.Max(8, variants.Max(v => v.Length) + 2));
        sb.AppendLine();
        if (title is not null)
        {
            sb.AppendLine($"{title}:");
        }

        string CellText(int variant, int column)
        {
            var r = results.FirstOrDefault(x => x.Variant == variants[variant] && x.Property == columns[column]);
            return r is null ? "-" : VerdictWords.Cell(r.Kind, r.Verdict) + (r.Differs ? "!" : "");
        }

        // Every cell and a space: wider than usual only when a cell needs it ("UNREACHED!").
        var cellWidth = 1 + Enumerable.Range(0, variants.Count).SelectMany(v => Enumerable.Range(0, columns.Count).Select(c => CellText(v, c).Length)).Append(MinCell).Max();
        Grid(sb, "variant", [.. variants.Select(v => Fit(v, first - 1))], columns.Count, CellText, first, cellWidth, width, rule: true);
        sb.AppendLine();
        for (var c = 0; c < columns.Count; c++)
        {
            StateFormatter.AppendWrapped(sb, $"[{c + 1}] {columns[c]}", 2, width);
        }

        if (Enumerable.Range(0, variants.Count).Any(v => Enumerable.Range(0, columns.Count).Any(c => CellText(v, c).EndsWith('!'))))
        {
            sb.AppendLine("  ! differs from the expected verdict");
        }
    }

    /// <summary>
    /// The grid alone: a heading of column numbers, a rule under it when asked, one line a row;
    /// a row label fills <paramref name="first"/> columns and a cell <paramref name="cell"/>.
    /// </summary>
    public static void Grid(StringBuilder sb, string corner, IReadOnlyList<string> rows, int columnCount, Func<int, int, string> cellText, int first, int cell, int width, bool rule)
    {
        var perBlock = Math.Max(1, (width - first) / cell);
        for (var start = 0; start < columnCount; start += perBlock)
        {
            var block = Enumerable.Range(start, Math.Min(perBlock, columnCount - start)).ToList();
            if (start > 0)
            {
                sb.AppendLine();
            }

            sb.AppendLine((corner.PadRight(first) + string.Concat(block.Select(c => $"[{c + 1}]".PadRight(cell)))).TrimEnd());
            if (rule)
            {
                sb.AppendLine(new string('-', Math.Min(width, first + (cell * block.Count) - 1)));
            }

            for (var r = 0; r < rows.Count; r++)
            {
                sb.AppendLine((rows[r].PadRight(first) + string.Concat(block.Select(c => cellText(r, c).PadRight(cell)))).TrimEnd());
            }
        }
    }

    /// <summary>
    /// The columns of <c>check</c>'s matrix of one kind: the model's own properties, and
    /// deadlock freedom too when the model's expect tables name it (else it has a line of its own).
    /// </summary>
    public static List<string> Columns(Model model, IReadOnlyList<CheckResult> results, PropertyKind kind) =>
        [.. results.Where(r => r.Kind == kind && (model.Properties.Any(p => p.Name == r.Property) || IsExpectedColumn(model, r.Property))).Select(r => r.Property).Distinct()];

    /// <summary>True for deadlock when an expect table of the model names it.</summary>
    public static bool IsExpectedColumn(Model model, string property) =>
        property == Model.DeadlockProperty && model.Expectations.Keys.Any(k => k.Property == Model.DeadlockProperty);

    /// <summary>A name cut to <paramref name="width"/> characters, marked with '~' when cut.</summary>
    private static string Fit(string name, int width) => name.Length <= width ? name : name[..(width - 1)] + "~";
}
