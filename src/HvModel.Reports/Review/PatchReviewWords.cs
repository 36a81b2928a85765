using HvModel.Core.Patches;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>The sentences of <c>hvmodel review</c>, written once for its text, e-mail and HTML reports.</summary>
public static class PatchReviewWords
{
    /// <summary>"Patch: subject", or "Patch 2/3: subject" in a series.</summary>
    public static string Title(PatchReview review, int index)
    {
        var subject = review.Steps[index].Match.Patch.Subject;
        var title = review.Steps.Length == 1 ? "Patch" : $"Patch {index + 1}/{review.Steps.Length}";
        return $"{title}: {(subject.Length > 0 ? subject : "(no subject)")}";
    }

    public static string Implements(HunkRecognition h) => $"implements {h.Hunk.Name}: {h.Hunk.Description}";

    public static string Partly(HunkRecognition h) =>
        $"PARTLY implements {h.Hunk.Name}: {h.Patterns.Count(p => p.Found)} of its {h.Patterns.Length} lines; missing: {string.Join("; ", h.Patterns.Where(p => !p.Found).Select(p => p.Pattern.ToString()))}";

    /// <summary>A hunk taken away from the variant the patch applies to (the base, or the variant after the patch before).</summary>
    public static string Reverts(HunkRecognition h, PatchStep step) => $"REVERTS {h.Hunk.Name} of {step.Before.Name}: {h.Hunk.Description}";

    public static string Uncaptured(ChangedCode c) =>
        $"NOT CAPTURED: the patch changes {c.Function} in a way the model does not capture; the model may be stale, look at:";

    public static string Uncovered(ChangedCode c) =>
        $"not covered: {c.File}: {c.Function ?? "(outside any function)"}, {c.Lines.Length} changed line{(c.Lines.Length == 1 ? "" : "s")}";

    public const string NothingModelled = "The patch touches nothing the model stands for.";

    /// <summary>A line of the patch, where it is in the input: "line 110: - return;".</summary>
    public static string Line(DiffLine line) => $"line {line.SourceLine}: {(line.Kind == DiffLineKind.Added ? '+' : '-')} {line.Text}";

    /// <summary>The variant the series makes, and what it is checked against.</summary>
    public static string Result(PatchReview review) => review.Declared
        ? $"The patch makes variant {review.Result.Name} of the model ({review.Result.HunkNames}), checked against {review.Base.Name}."
        : $"The patch makes a variant the model does not declare ({review.Result.HunkNames}), checked as {review.Result.Name} against {review.Base.Name}.";
}
