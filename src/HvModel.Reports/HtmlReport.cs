using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Reports.Review;
using HvModel.Reports.Html;
using static HvModel.Reports.Html.HtmlPage;

namespace HvModel.Reports;

/// <summary>
/// The check run as one self-contained page for design review: the verdict matrices (each
/// violated cell links to its counterexample), what each variant explored and its deadlock
/// verdict, then every counterexample as a sequence diagram over the model's lanes followed by
/// its steps in full (call chains, notes, changed variables), and a legend of every mark.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page; with <paramref name="gate"/> (<c>check --gate</c>) it holds the gate's findings too.</summary>
    public static string Render(Model model, IReadOnlyList<CheckResult> results, ReportHeader header, GateReport? gate = null, IReadOnlyList<LivenessResult>? liveness = null)
    {
        var sb = new StringBuilder();
        Begin(sb, model, header, "verdicts");
        foreach (var kind in new[] { PropertyKind.Invariant, PropertyKind.Cover })
        {
            Matrix(sb, model, results, kind);
        }

        List(sb, "Runs", RunSummary.Lines(model, results));
        LivenessHtml.Write(sb, model, liveness ?? []);
        if (gate is not null)
        {
            ReviewHtmlReport.GateSection(sb, gate);
        }

        foreach (var r in results.Where(r => r.Trace is not null && r.Kind == PropertyKind.Invariant))
        {
            Counterexample(sb, model, r);
        }

        End(sb, [.. MatrixLegend(), .. SequenceDiagram.Legend(), .. gate is null ? [] : ReviewHtmlReport.GateLegend()]);
        return sb.ToString();
    }

    private static void Matrix(StringBuilder sb, Model model, IReadOnlyList<CheckResult> results, PropertyKind kind)
    {
        var columns = VerdictMatrix.Columns(model, results, kind);
        if (columns.Count == 0)
        {
            return;
        }

        sb.AppendLine($"<h2>{(kind == PropertyKind.Invariant ? "Invariants" : "Covers (sanity goals that must be reachable)")}</h2>");
        sb.AppendLine("<table class=\"matrix\"><tr><th>variant</th>");
        foreach (var p in columns)
        {
            sb.AppendLine($"<th title=\"{E(Description(model, p))}\">{E(p)}</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var variant in results.Select(r => r.Variant).Distinct())
        {
            var v = model.Variants.FirstOrDefault(x => x.Name == variant);
            var hunks = v?.HunkNames ?? "no hunks";
            sb.Append($"<tr><th title=\"{E(hunks)}\">{E(variant)}</th>");
            foreach (var p in columns)
            {
                var r = results.FirstOrDefault(x => x.Variant == variant && x.Property == p);
                if (r is null)
                {
                    sb.Append("<td>-</td>");
                    continue;
                }

                var word = VerdictWords.Cell(r.Kind, r.Verdict);
                var cell = r.Trace is not null && kind == PropertyKind.Invariant ? $"<a href=\"#{Anchor(r)}\">{word}</a>" : word;
                var title = r.Differs ? $"expected {VerdictWords.Json(r.Expected)}" : r.Reason ?? "";
                sb.Append($"<td class=\"{VerdictWords.Css(kind, r.Verdict)}{(r.Differs ? " differs" : "")}\" title=\"{E(title)}\">{cell}</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table>");
    }

    private static void Counterexample(StringBuilder sb, Model model, CheckResult r)
    {
        var trace = r.Trace!;
        var anchor = Anchor(r);
        sb.AppendLine($"<section class=\"counterexample\" id=\"{anchor}\">");
        sb.AppendLine($"<h2>{E(r.Variant)} / {E(r.Property)}: violated in {trace.Length} steps ({E(r.Engine)})</h2>");
        sb.AppendLine($"<p>{E(Description(model, r.Property))}</p>");
        if (trace.Unconfirmed is { } why)
        {
            // Every step was replayed; what was not is said, never left out.
            sb.AppendLine($"<p class=\"warning\">Replayed step by step, but {E(why)}.</p>");
        }

        var ending = r.Property == Model.DeadlockProperty ? "deadlock: no action is enabled here" : $"{r.Property} is violated here";
        StoryHtml.Write(sb, model, trace, anchor, ending);
        sb.AppendLine("</section>");
    }

    private static string Description(Model model, string property) =>
        property == Model.DeadlockProperty
            ? "a reachable state has no enabled action"
            : model.Properties.FirstOrDefault(p => p.Name == property)?.Description ?? "";

    /// <summary>Where a cell's counterexample is on the page.</summary>
    public static string Anchor(CheckResult r) => $"cx-{r.Variant}-{r.Property}";
}
