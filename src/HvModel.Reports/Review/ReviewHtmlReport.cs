using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Reports.Html;
using static HvModel.Reports.Html.HtmlPage;

namespace HvModel.Reports.Review;

/// <summary>
/// The review commands as pages in the frame of the check report (<see cref="HtmlPage"/>): the
/// ablation matrix with what each property needs, the diff with every replayed story and
/// regression drawn as a sequence diagram, and the gate's findings. Their sentences are the text
/// reports' own, so the two never tell a different story.
/// </summary>
public static class ReviewHtmlReport
{
    public static string Ablation(Model model, Ablation ablation, ReportHeader header)
    {
        var full = ablation.Variant;
        var sb = new StringBuilder();
        Begin(sb, model, header, $"ablation of {full.Name}");
        sb.AppendLine($"<p>{ablation.Rows.Length} subsets of the {full.Hunks.Length} hunks of {E(full.Name)}:</p><ul>");
        for (var h = 0; h < full.Hunks.Length; h++)
        {
            sb.AppendLine($"<li><b>{(char)('A' + h)}</b> = {E(full.Hunks[h].Name)}: {E(full.Hunks[h].Description)}</li>");
        }

        sb.AppendLine("</ul><table class=\"matrix\"><tr><th>hunks</th>");
        foreach (var p in ablation.Columns)
        {
            sb.Append($"<th>{E(p)}</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var row in ablation.Rows)
        {
            var removes = row.Degenerate.IsEmpty ? "" : $" title=\"removes behaviour: {E(string.Join(", ", row.Degenerate))}\"";
            sb.Append($"<tr><th{removes}>{AblationTextReport.Letters(full, row)}{(row.Degenerate.IsEmpty ? "" : "!")}</th>");
            foreach (var p in ablation.Columns)
            {
                var v = row.Verdicts[p];
                sb.Append($"<td class=\"{VerdictWords.Css(PropertyKind.Invariant, v)}\">{VerdictWords.Cell(PropertyKind.Invariant, v)}</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table>");
        List(sb, "Subsets that remove behaviour (marked !): what holds there counts for no fix", ablation.Rows
            .Where(r => !r.Degenerate.IsEmpty).Select(r => $"{AblationTextReport.Letters(full, r)}: {string.Join(", ", r.Degenerate)}"));
        List(sb, "What each property needs", ablation.Columns.Select(p =>
            $"{p}: {AblationTextReport.Needs(ablation, p)}{(ablation.Necessary(p) is { IsEmpty: false } n ? $"; necessary: {string.Join(", ", n.Select(h => h.Name))}" : "")}"));
        End(sb, [.. MatrixLegend(), ("A, B, ...", "the variant's hunks, lettered above; a row applies the hunks it names, '-' none"), ("!", "the row's subset removes behaviour that the subset without hunks has")]);
        return sb.ToString();
    }

    public static string Diff(Model model, VariantDiff diff, ReportHeader header)
    {
        var sb = new StringBuilder();
        Begin(sb, model, header, $"diff {diff.A} -> {diff.B}");
        DiffSection(sb, model, diff);
        End(sb, [.. MatrixLegend(), .. Html.SequenceDiagram.Legend()]);
        return sb.ToString();
    }

    /// <summary>The diff as a section of a page: the verdicts side by side, every replayed story and regression drawn (also the end of review's page).</summary>
    public static void DiffSection(StringBuilder sb, Model model, VariantDiff diff)
    {
        sb.AppendLine($"<table class=\"matrix\"><tr><th>property</th><th>{E(diff.A)}</th><th>{E(diff.B)}</th><th>change</th></tr>");
        foreach (var v in diff.Verdicts)
        {
            sb.AppendLine($"<tr><th>{E(v.Property)}</th>{Cell(v.Kind, v.InA)}{Cell(v.Kind, v.InB)}<td>{E(DiffTextReport.Change(v))}</td></tr>");
        }

        sb.AppendLine("</table>");
        foreach (var r in diff.Replays)
        {
            var anchor = $"replay-{r.Property}";
            sb.AppendLine($"<section id=\"{anchor}\"><h2>{E(diff.A)} / {E(r.Property)} replayed on {E(diff.B)}</h2><p>{E(DiffTextReport.Summary(diff, r))}</p>");
            sb.AppendLine($"<p>{E(DiffTextReport.Matter(diff, r))}</p><h3>{E(diff.A)}'s story</h3>");
            StoryHtml.Write(sb, model, r.InA.Trace!, anchor, $"{r.Property}: {VerdictWords.Plain(r.InA.Kind, r.InA.Verdict)} in {diff.A} here");
            sb.AppendLine("</section>");
        }

        foreach (var r in diff.Regressions.Where(r => r.Trace is not null && r.Kind == PropertyKind.Invariant))
        {
            var anchor = $"regression-{r.Property}";
            sb.AppendLine($"<section id=\"{anchor}\"><h2 class=\"warning\">Regression: {E(r.Property)} in {E(diff.B)}</h2>");
            StoryHtml.Write(sb, model, r.Trace!, anchor, $"{r.Property} is violated in {diff.B} here");
            sb.AppendLine("</section>");
        }

        if (DiffTextReport.Conclusion(diff) is { } conclusion)
        {
            sb.AppendLine($"<p><b>{E(conclusion)}</b></p>");
        }
    }

    public static string Gate(Model model, GateReport gate, ReportHeader header)
    {
        var sb = new StringBuilder();
        Begin(sb, model, header, "gate");
        GateSection(sb, gate);
        End(sb, GateLegend());
        return sb.ToString();
    }

    /// <summary>The gate's findings as a section of a page (the gate's own, or check's with --gate).</summary>
    public static void GateSection(StringBuilder sb, GateReport gate)
    {
        List(sb, "Gate: states explored (no symmetry)", gate.States.Select(s => $"{s.Key}: {s.Value} states"));
        sb.AppendLine("<h2 id=\"gate\">Gate findings</h2>");
        if (gate.Findings.IsEmpty)
        {
            sb.AppendLine("<p>No finding: every action instance fires, every hunk changes something, no implication is vacuous, every cover is reached.</p>");
        }
        else
        {
            sb.AppendLine("<table class=\"matrix\"><tr><th>variant</th><th>finding</th><th>detail</th><th>expected because</th></tr>");
            foreach (var f in gate.Findings.OrderBy(f => f.Expected))
            {
                var css = f.Expected ? "holds" : "violated";
                sb.AppendLine($"<tr><th>{E(f.Variant)}</th><td class=\"{css}\">{E(GateTextReport.What(f))}</td><td>{E(f.Detail)}</td><td>{E(f.ExpectedBecause ?? "not expected")}</td></tr>");
            }

            sb.AppendLine("</table>");
        }

        List(sb, "Gate expectations no finding matched", gate.Unmatched.Select(e => $"{e.Span} ({e.Subject})"));
        List(sb, "Gate: unknown", gate.Incomplete.Select(i => $"{i.Key}: the exploration stopped ({i.Value}); nothing is concluded for it"));
    }

    /// <summary>The legend's lines for the gate's findings.</summary>
    public static IEnumerable<(string Mark, string Meaning)> GateLegend() =>
    [
        (Badge("violated", "finding"), "a gate finding the model does not expect: a vacuity alarm to look at"),
        (Badge("holds", "finding"), "a gate finding the model expects, with its reason"),
    ];

    private static string Cell(PropertyKind kind, Verdict v) => $"<td class=\"{VerdictWords.Css(kind, v)}\">{VerdictWords.Cell(kind, v)}</td>";
}
