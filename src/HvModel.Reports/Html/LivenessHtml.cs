using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using static HvModel.Reports.Html.HtmlPage;

namespace HvModel.Reports.Html;

/// <summary>
/// The liveness verdicts on the check page: a matrix (each violated cell links to its lasso),
/// the fairness assumed, and each lasso drawn as a sequence diagram, saying where its cycle
/// begins or that the behaviour stops.
/// </summary>
public static class LivenessHtml
{
    public static void Write(StringBuilder sb, Model model, IReadOnlyList<LivenessResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        var properties = results.Select(r => r.Property).Distinct().ToList();
        sb.AppendLine($"<h2>Liveness</h2><p>{E(LivenessTextReport.Fairness(model))}; a behaviour may stop taking steps where no fair action is enabled. Explored {E(LivenessTextReport.Exploration(results))}.</p>");
        sb.AppendLine("<table class=\"matrix\"><tr><th>variant</th>" + string.Concat(properties.Select(p => $"<th title=\"{E(p.Description)}\">{E(p.Name)}</th>")) + "</tr>");
        foreach (var variant in results.Select(r => r.Variant).Distinct())
        {
            sb.Append($"<tr><th>{E(variant)}</th>");
            foreach (var p in properties)
            {
                var r = results.First(x => x.Variant == variant && x.Property == p);
                var word = VerdictWords.Cell(PropertyKind.Invariant, r.Verdict);
                var cell = r.Lasso is null ? word : $"<a href=\"#{Anchor(r)}\">{word}</a>";
                sb.Append($"<td class=\"{VerdictWords.Css(PropertyKind.Invariant, r.Verdict)}{(r.Differs ? " differs" : "")}\" title=\"{E(r.Differs ? $"expected {VerdictWords.Json(r.Expected)}" : r.Reason ?? "")}\">{cell}</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table>");
        foreach (var r in results.Where(r => r.Lasso is not null))
        {
            sb.AppendLine($"<section class=\"counterexample\" id=\"{Anchor(r)}\"><h2>{E(r.Variant)} / {E(r.Property.Name)}: violated, a lasso of {r.Lasso!.Length} steps</h2><p>{E(r.Property.Description)}</p>");
            StoryHtml.Write(sb, model, r.Lasso, Anchor(r), LivenessTextReport.Ending(r));
            sb.AppendLine("</section>");
        }
    }

    private static string Anchor(LivenessResult r) => $"live-{r.Variant}-{r.Property.Name}";
}
