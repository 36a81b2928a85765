using System.Text.Json;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel diff --format json</c>: <c>{"tool", "model", "source", "constants", "settings", "a", "b",
/// "verdicts": [{"property", "kind", "a", "b", "changed"}], "replays": [{"property", "trace",
/// "blocked_at", "blocked_reason", "first_difference": {"step", "action", "differences":
/// [{"slot", "a", "b"}], "branches_a", "branches_b"}, "still_fails", "hunks_that_matter"}],
/// "regressions": [result]}</c>, results as in <c>check --format json</c>.
/// </summary>
public static class DiffJsonReport
{
    public static string Render(Model model, VariantDiff diff, ReportHeader header) => JsonFrame.Document(header, model, w => Body(w, model, diff));

    /// <summary>The diff's own fields, after the frame (also the <c>diff</c> object of <c>review</c>'s document).</summary>
    public static void Body(Utf8JsonWriter w, Model model, VariantDiff diff)
    {
        w.WriteString("a", diff.A);
        w.WriteString("b", diff.B);
        w.WriteString("unknown_reason", diff.UnknownReason);
        w.WriteStartArray("verdicts");
        foreach (var v in diff.Verdicts)
        {
            w.WriteStartObject();
            w.WriteString("property", v.Property);
            w.WriteString("kind", v.Kind == PropertyKind.Cover ? "cover" : "invariant");
            w.WriteString("a", VerdictWords.Json(v.InA));
            w.WriteString("b", VerdictWords.Json(v.InB));
            w.WriteBoolean("changed", v.Changed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("replays");
        foreach (var r in diff.Replays)
        {
            Replay(w, model, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("regressions");
        foreach (var r in diff.Regressions)
        {
            JsonReport.WriteResult(w, model, r);
        }

        w.WriteEndArray();
    }

    private static void Replay(Utf8JsonWriter w, Model model, StoryReplay r)
    {
        w.WriteStartObject();
        w.WriteString("property", r.Property);
        JsonReport.WriteTrace(w, model, r.InA.Trace!);
        if (r.BlockedAt is { } b)
        {
            w.WriteNumber("blocked_at", b);
        }
        else
        {
            w.WriteNull("blocked_at");
        }

        w.WriteString("blocked_reason", r.BlockedReason);
        if (r.FirstDifference is { } d)
        {
            w.WriteStartObject("first_difference");
            w.WriteNumber("step", d.Step);
            w.WriteString("action", d.Call);
            w.WriteStartArray("differences");
            foreach (var x in d.Differences)
            {
                w.WriteStartObject();
                w.WriteString("slot", x.Slot);
                w.WriteString("a", x.InA);
                w.WriteString("b", x.InB);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Branches(w, "branches_a", d.BranchesInA);
            Branches(w, "branches_b", d.BranchesInB);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("first_difference");
        }

        if (r.StillFails is { } f)
        {
            w.WriteBoolean("still_fails", f);
        }
        else
        {
            w.WriteNull("still_fails");
        }

        JsonFrame.Strings(w, "hunks_that_matter", r.HunksThatMatter);
        w.WriteEndObject();
    }

    private static void Branches(Utf8JsonWriter w, string name, IEnumerable<HunkBranch> branches)
    {
        w.WriteStartArray(name);
        foreach (var b in branches)
        {
            w.WriteStartObject();
            JsonFrame.Strings(w, "hunks", b.Hunks.Select(h => h.Name));
            w.WriteString("branch", b.Then ? "then" : "else");
            w.WriteString("file", b.Span.File);
            w.WriteNumber("line", b.Span.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
