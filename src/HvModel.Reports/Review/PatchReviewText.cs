using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Patches;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel review</c> as text (80 columns) or as a reply to the patch's mail (72 columns,
/// ending with the command that reproduces it): for each patch, the model's hunks it implements
/// with the lines that show them, what it changes that the model does not capture or cover;
/// then the variant it makes, the verdicts after each patch of a series, and the diff from the base.
/// </summary>
public static class PatchReviewText
{
    public static string Render(PatchReview review, ReportHeader header, string? reproduce = null)
    {
        var model = review.Model;
        var email = reproduce is not null;
        var width = email ? EmailText.Width : TextReport.Width;
        var sb = new StringBuilder();
        if (!email)
        {
            TextReport.Header(sb, model, header);
            sb.AppendLine();
        }

        for (var i = 0; i < review.Steps.Length; i++)
        {
            Patch(sb, review, i, width);
        }

        StateFormatter.AppendWrapped(sb, PatchReviewWords.Result(review), 0, width);
        if (review.Steps.Length > 1)
        {
            sb.AppendLine();
            Series(sb, review, width);
        }

        if (reproduce is null)
        {
            DiffTextReport.Write(sb, model, review.Diff, email: false);
            return sb.ToString();
        }

        // The reply: the verdict change as a table, then each property still violated with its
        // story one step a line (the text report and 'check' tell each step in full).
        sb.AppendLine();
        DiffTextReport.Verdicts(sb, review.Diff);
        foreach (var r in review.Steps[^1].Results.Where(r => r.Kind == PropertyKind.Invariant && r.Verdict == Verdict.Violated && r.Trace is not null))
        {
            sb.AppendLine();
            StateFormatter.AppendWrapped(sb, $"Still violated: {r.Property} in {r.Variant}, {r.Trace!.Length} steps:", 0, width);
            for (var i = 1; i < r.Trace.Steps.Length; i++)
            {
                StateFormatter.AppendWrapped(sb, $"{i,2}  {StateFormatter.ActionCall(r.Trace.Steps[i].Action!, r.Trace.Steps[i].Args)}", 2, width);
            }
        }

        if (DiffTextReport.Conclusion(review.Diff) is { } conclusion)
        {
            sb.AppendLine();
            StateFormatter.AppendWrapped(sb, conclusion, 0, width);
        }

        sb.AppendLine();
        EmailText.Command(sb, reproduce);
        return sb.ToString();
    }

    /// <summary>What one patch was read as.</summary>
    private static void Patch(StringBuilder sb, PatchReview review, int index, int width)
    {
        var step = review.Steps[index];
        var m = step.Match;
        StateFormatter.AppendWrapped(sb, PatchReviewWords.Title(review, index), 0, width);
        foreach (var h in m.Hunks.Where(h => h.Recognised))
        {
            Item(sb, PatchReviewWords.Implements(h), h.Patterns.SelectMany(p => p.Lines), width);
        }

        foreach (var h in m.Hunks.Where(h => h.Partial))
        {
            Item(sb, PatchReviewWords.Partly(h), h.Patterns.SelectMany(p => p.Lines), width);
        }

        foreach (var h in m.Reverted)
        {
            Item(sb, PatchReviewWords.Reverts(h, step), h.Patterns.SelectMany(p => p.Lines), width);
        }

        foreach (var c in m.Uncaptured)
        {
            Item(sb, PatchReviewWords.Uncaptured(c), c.Lines, width);
        }

        foreach (var c in m.Uncovered)
        {
            Item(sb, PatchReviewWords.Uncovered(c), [], width);
        }

        if (m.TouchesNothingModelled)
        {
            StateFormatter.AppendWrapped(sb, PatchReviewWords.NothingModelled, 2, width);
        }

        sb.AppendLine();
    }

    private static void Item(StringBuilder sb, string what, IEnumerable<DiffLine> lines, int width)
    {
        StateFormatter.AppendWrapped(sb, what, 2, width);
        foreach (var line in lines)
        {
            StateFormatter.AppendWrapped(sb, PatchReviewWords.Line(line), 6, width);
        }
    }

    /// <summary>The verdict of every property after each patch of a series, so that a reviewer sees which patch fixes what.</summary>
    private static void Series(StringBuilder sb, PatchReview review, int width)
    {
        StateFormatter.AppendWrapped(sb, $"After each patch (from {review.Base.Name}):", 0, width);
        var names = review.Steps[0].Results.Select(r => r.Property).ToList();
        var first = Math.Max(10, names.Select(n => n.Length + 2).DefaultIfEmpty(0).Max());
        sb.AppendLine("property".PadRight(first) + string.Concat(review.Steps.Select((_, i) => $"patch {i + 1}".PadRight(11))).TrimEnd());
        foreach (var p in names)
        {
            var kind = review.Diff.Verdicts.FirstOrDefault(v => v.Property == p)?.Kind ?? PropertyKind.Invariant;
            sb.AppendLine((p.PadRight(first) + string.Concat(review.Steps.Select(s => VerdictWords.Cell(kind, s.Verdict(p)).PadRight(11)))).TrimEnd());
        }
    }
}
