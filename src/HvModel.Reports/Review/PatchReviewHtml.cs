using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Patches;
using HvModel.Core.Review;
using static HvModel.Reports.Html.HtmlPage;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel review --format html</c>: each patch with the hunks it implements and the lines that
/// show them, what it changes that the model does not capture or cover, the verdicts after each
/// patch, then the diff from the base with its stories drawn.
/// </summary>
public static class PatchReviewHtml
{
    public static string Render(PatchReview review, ReportHeader header)
    {
        var model = review.Model;
        var sb = new StringBuilder();
        Begin(sb, model, header, $"review against {review.Base.Name}");
        for (var i = 0; i < review.Steps.Length; i++)
        {
            var step = review.Steps[i];
            var m = step.Match;
            sb.AppendLine($"<h2>{E(PatchReviewWords.Title(review, i))}</h2><ul>");
            foreach (var h in m.Hunks)
            {
                Item(sb, h.Recognised ? "holds" : "unknown", h.Recognised ? PatchReviewWords.Implements(h) : PatchReviewWords.Partly(h), h.Patterns.SelectMany(p => p.Lines));
            }

            foreach (var h in m.Reverted)
            {
                Item(sb, "violated", PatchReviewWords.Reverts(h, step), h.Patterns.SelectMany(p => p.Lines));
            }

            foreach (var c in m.Uncaptured)
            {
                Item(sb, "violated", PatchReviewWords.Uncaptured(c), c.Lines);
            }

            foreach (var c in m.Uncovered)
            {
                Item(sb, "unchecked", PatchReviewWords.Uncovered(c), c.Lines);
            }

            if (m.TouchesNothingModelled)
            {
                sb.AppendLine($"<li>{E(PatchReviewWords.NothingModelled)}</li>");
            }

            sb.AppendLine("</ul>");
        }

        sb.AppendLine($"<p>{E(PatchReviewWords.Result(review))}</p>");
        if (review.Steps.Length > 1)
        {
            sb.AppendLine("<h2>After each patch</h2><table class=\"matrix\"><tr><th>property</th>");
            sb.AppendLine(string.Concat(review.Steps.Select((s, i) => $"<th>patch {i + 1} ({E(s.After.Name)})</th>")) + "</tr>");
            foreach (var r in review.Steps[0].Results)
            {
                sb.Append($"<tr><th>{E(r.Property)}</th>");
                foreach (var s in review.Steps)
                {
                    var v = s.Verdict(r.Property);
                    sb.Append($"<td class=\"{VerdictWords.Css(r.Kind, v)}\">{VerdictWords.Cell(r.Kind, v)}</td>");
                }

                sb.AppendLine("</tr>");
            }

            sb.AppendLine("</table>");
        }

        sb.AppendLine($"<h2>Diff {E(review.Base.Name)} -&gt; {E(review.Result.Name)}</h2>");
        ReviewHtmlReport.DiffSection(sb, model, review.Diff);
        End(sb, [.. MatrixLegend(), .. Html.SequenceDiagram.Legend(),
            (Badge("holds", "implements"), "the patch has every line by which the model's hunk is recognised"),
            (Badge("unknown", "PARTLY"), "the patch has some of the hunk's lines: a patch in progress, or a stale model"),
            (Badge("violated", "NOT CAPTURED"), "the patch changes a function the model stands for in a way no hunk captures, or reverts a hunk")]);
        return sb.ToString();
    }

    private static void Item(StringBuilder sb, string css, string what, IEnumerable<DiffLine> lines)
    {
        sb.AppendLine($"<li><span class=\"badge {css}\">{E(what)}</span><pre>");
        foreach (var l in lines)
        {
            sb.AppendLine(E(PatchReviewWords.Line(l)));
        }

        sb.AppendLine("</pre></li>");
    }
}
