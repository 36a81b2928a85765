using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Core.Printing.Review;

/// <summary>
/// <c>check --format email</c>: text of at most 72 columns to paste into a review reply: the
/// verdict matrix, each counterexample as the kernel-call story (one or two lines a step),
/// then the command that reproduces it all.
/// </summary>
public static class EmailReport
{
    private const int Cell = 9;

    public static string Render(Model model, IReadOnlyList<CheckResult> results, string reproduce)
    {
        var sb = new StringBuilder();
        EmailText.Wrapped(sb, $"HvModel verdicts for model {model.Name}" + (model.Constants.Any(c => c.Overridden) ? $" ({string.Join(" ", model.Constants.Where(c => c.Overridden).Select(c => $"{c.Name}={c.Display}"))})" : ""));
        var columns = results.Where(r => model.Properties.Any(p => p.Name == r.Property)).Select(r => r.Property).Distinct().ToList();
        var variants = results.Select(r => r.Variant).Distinct().ToList();
        var first = Math.Min(16, Math.Max(8, variants.Max(v => v.Length) + 2));
        var perBlock = Math.Max(1, (EmailText.Width - first) / Cell);
        for (var start = 0; start < columns.Count; start += perBlock)
        {
            sb.AppendLine();
            var block = Enumerable.Range(start, Math.Min(perBlock, columns.Count - start)).ToList();
            sb.AppendLine(("variant".PadRight(first) + string.Concat(block.Select(c => $"[{c + 1}]".PadRight(Cell)))).TrimEnd());
            foreach (var v in variants)
            {
                var cells = block.Select(c => results.FirstOrDefault(r => r.Variant == v && r.Property == columns[c]) is { } r
                    ? (VerdictWords.Cell(r.Kind, r.Verdict) + (r.Differs ? "!" : "")).PadRight(Cell)
                    : "-".PadRight(Cell));
                sb.AppendLine(EmailText.Fit((v.Length < first ? v.PadRight(first) : v[..(first - 2)] + "~ ") + string.Concat(cells), EmailText.Width).TrimEnd());
            }
        }

        sb.AppendLine();
        for (var c = 0; c < columns.Count; c++)
        {
            EmailText.Wrapped(sb, $"[{c + 1}] {columns[c]}", 2);
        }

        if (results.Any(r => r.Differs))
        {
            sb.AppendLine("  ! differs from the expected verdict");
        }

        foreach (var r in results.Where(r => r.Trace is not null && r.Kind == PropertyKind.Invariant && r.Verdict == Verdict.Violated))
        {
            sb.AppendLine();
            EmailText.Wrapped(sb, $"{r.Variant} / {r.Property}: violated in {r.Trace!.Length} steps");
            EmailText.Story(sb, model, r.Trace);
        }

        sb.AppendLine();
        EmailText.Command(sb, reproduce);
        return sb.ToString();
    }
}
