using System.Text.Json;
using HvModel.Core.Ir;
using HvModel.Core.Patches;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel review --format json</c>: the frame, then <c>{"base", "variant": {"name", "hunks",
/// "declared"}, "patches": [{"subject", "implements": [hunk], "partly": [hunk], "reverts":
/// [hunk], "uncaptured": [code], "uncovered": [code], "touches_nothing_modelled", "verdicts":
/// {PROPERTY: VERDICT}}], "diff": {...as diff's...}, "exit_code"}</c>, a hunk being
/// <c>{"hunk", "patterns": [{"pattern", "lines": [line]}]}</c>, a code <c>{"file", "function",
/// "lines": [line]}</c> and a line <c>{"line", "change", "text", "function"}</c>.
/// </summary>
public static class PatchReviewJson
{
    public static string Render(PatchReview review, ReportHeader header) => JsonFrame.Document(header, review.Model, w =>
    {
        w.WriteString("base", review.Base.Name);
        w.WriteStartObject("variant");
        w.WriteString("name", review.Result.Name);
        JsonFrame.Strings(w, "hunks", review.Result.Hunks.Select(h => h.Name));
        w.WriteBoolean("declared", review.Declared);
        w.WriteEndObject();
        w.WriteStartArray("patches");
        foreach (var step in review.Steps)
        {
            var m = step.Match;
            w.WriteStartObject();
            w.WriteString("subject", m.Patch.Subject);
            Hunks(w, "implements", m.Hunks.Where(h => h.Recognised));
            Hunks(w, "partly", m.Hunks.Where(h => h.Partial));
            Hunks(w, "reverts", m.Reverted);
            Code(w, "uncaptured", m.Uncaptured);
            Code(w, "uncovered", m.Uncovered);
            w.WriteBoolean("touches_nothing_modelled", m.TouchesNothingModelled);
            w.WriteString("variant", step.After.Name);
            w.WriteStartObject("verdicts");
            foreach (var r in step.Results)
            {
                w.WriteString(r.Property, VerdictWords.Json(r.Verdict));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("diff");
        DiffJsonReport.Body(w, review.Model, review.Diff);
        w.WriteEndObject();
        w.WriteNumber("exit_code", review.ExitCode);
    });

    private static void Hunks(Utf8JsonWriter w, string name, IEnumerable<HunkRecognition> hunks)
    {
        w.WriteStartArray(name);
        foreach (var h in hunks)
        {
            w.WriteStartObject();
            w.WriteString("hunk", h.Hunk.Name);
            w.WriteStartArray("patterns");
            foreach (var p in h.Patterns)
            {
                w.WriteStartObject();
                w.WriteString("pattern", p.Pattern.ToString());
                Lines(w, p.Lines);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Code(Utf8JsonWriter w, string name, IEnumerable<ChangedCode> code)
    {
        w.WriteStartArray(name);
        foreach (var c in code)
        {
            w.WriteStartObject();
            w.WriteString("file", c.File);
            w.WriteString("function", c.Function);
            Lines(w, c.Lines);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Lines(Utf8JsonWriter w, IEnumerable<DiffLine> lines)
    {
        w.WriteStartArray("lines");
        foreach (var l in lines)
        {
            w.WriteStartObject();
            w.WriteNumber("line", l.SourceLine);
            w.WriteString("change", l.Kind == DiffLineKind.Added ? "added" : "removed");
            w.WriteString("text", l.Text);
            w.WriteString("function", l.Function);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
