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
            var m = review.Steps[i].Match;
            sb.AppendLine($"<h2>Patch {i + 1}/{review.Steps.Length}: {E(m.Patch.Subject.Length > 0 ? m.Patch.Subject : "(no subject)")}</h2><ul>");
            foreach (var h in m.Hunks)
            {
                var how = h.Recognised ? "implements" : $"PARTLY implements ({h.Patterns.Count(p => p.Found)} of {h.Patterns.Length} lines)";
                Item(sb, h.Recognised ? "holds" : "unknown", $"{how} {h.Hunk.Name}: {h.Hunk.Description}", h.Patterns.SelectMany(p => p.Lines), h.Patterns.Where(p => !p.Found).Select(p => $"missing: {p.Pattern}"));
            }

            foreach (var h in m.Reverted)
            {
                Item(sb, "violated", $"REVERTS {h.Hunk.Name} of {review.Base.Name}", h.Patterns.SelectMany(p => p.Lines), []);
            }

            foreach (var c in m.Uncaptured)
            {
                Item(sb, "violated", $"NOT CAPTURED: the patch changes {c.Function} in a way the model does not capture; the model may be stale", c.Lines, []);
            }

            foreach (var c in m.Uncovered)
            {
                Item(sb, "unchecked", $"not covered: {c.File}: {c.Function ?? "(outside any function)"}", c.Lines, []);
            }

            sb.AppendLine("</ul>");
        }

        var result = review.Result;
        sb.AppendLine($"<p>The patch makes {(review.Declared ? $"variant <b>{E(result.Name)}</b> of the model" : $"a variant the model does not declare, checked as <b>{E(result.Name)}</b>")} ({E(string.Join(", ", result.Hunks.Select(h => h.Name)))}), checked against {E(review.Base.Name)}.</p>");
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

        sb.AppendLine($"<h2>Diff {E(review.Base.Name)} -&gt; {E(result.Name)}</h2>");
        ReviewHtmlReport.DiffSection(sb, model, review.Diff);
        End(sb, [.. MatrixLegend(), .. HtmlReport.DiagramLegend(),
            (Badge("holds", "implements"), "the patch has every line by which the model's hunk is recognised"),
            (Badge("unknown", "PARTLY"), "the patch has some of the hunk's lines: a patch in progress, or a stale model"),
            (Badge("violated", "NOT CAPTURED"), "the patch changes a function the model stands for in a way no hunk captures, or reverts a hunk")]);
        return sb.ToString();
    }

    private static void Item(StringBuilder sb, string css, string what, IEnumerable<DiffLine> lines, IEnumerable<string> missing)
    {
        sb.AppendLine($"<li><span class=\"badge {css}\">{E(what)}</span><pre>");
        foreach (var l in lines)
        {
            sb.AppendLine(E($"line {l.SourceLine}: {(l.Kind == DiffLineKind.Added ? '+' : '-')} {l.Text}"));
        }

        foreach (var m in missing)
        {
            sb.AppendLine(E(m));
        }

        sb.AppendLine("</pre></li>");
    }
}
