using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Core.Traces;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel diff</c> as text: the verdicts side by side with what changed, each of A's
/// counterexamples replayed on B (where it is blocked or first differs, and why), and B's
/// regressions with their counterexamples.
/// </summary>
public static class DiffTextReport
{
    public static string Render(Model model, VariantDiff diff, ReportHeader header, string? reproduce = null)
    {
        var email = reproduce is not null;
        var sb = new StringBuilder();
        if (!email)
        {
            TextReport.Header(sb, model, header);
        }

        Write(sb, model, diff, email);
        if (reproduce is not null)
        {
            sb.AppendLine();
            EmailText.Command(sb, reproduce);
        }

        return sb.ToString();
    }

    /// <summary>The diff without header or command: verdicts, replayed stories, regressions, conclusion (also the end of <c>review</c>'s report).</summary>
    public static void Write(StringBuilder sb, Model model, VariantDiff diff, bool email)
    {
        var width = email ? EmailText.Width : TextReport.Width;
        sb.AppendLine();
        StateFormatter.AppendWrapped(sb, $"diff {diff.A} -> {diff.B}: {Hunks(model, diff.B)}", 0, width);
        sb.AppendLine();
        Verdicts(sb, diff);
        foreach (var replay in diff.Replays)
        {
            sb.AppendLine();
            Replay(sb, model, diff, replay, width, email);
        }

        foreach (var r in diff.Regressions)
        {
            sb.AppendLine();
            var known = model.Expectations.TryGetValue((diff.B, r.Property), out var expected) && expected == r.Verdict
                ? $" The model's expect table says so for {diff.B}."
                : "";
            if (r.Kind == PropertyKind.Cover)
            {
                StateFormatter.AppendWrapped(sb, $"REGRESSION: cover {r.Property} is reached in {diff.A} and not in {diff.B}: the patch removes the behaviour it stands for, so the invariants may hold in {diff.B} only vacuously ({diff.A}'s witness replayed on {diff.B} is above).{known}", 0, width);
                continue;
            }

            StateFormatter.AppendWrapped(sb, r.Property == Model.DeadlockProperty
                ? $"REGRESSION: {diff.B} deadlocks and {diff.A} does not.{known} {diff.B}'s shortest path to a state without any enabled action:"
                : $"REGRESSION: {r.Property} is violated in {diff.B} and not in {diff.A}.{known} {diff.B}'s counterexample:", 0, width);
            Story(sb, model, r.Trace!, email);
        }

        if (Conclusion(diff) is { } conclusion)
        {
            sb.AppendLine();
            StateFormatter.AppendWrapped(sb, conclusion, 0, width);
        }
    }

    private static string Hunks(Model model, string variant)
    {
        var v = model.GetVariant(variant);
        return v.Hunks.IsEmpty ? $"{variant} applies no hunk" : $"{variant} applies {string.Join(", ", v.Hunks.Select(h => h.Name))}";
    }

    public static void Verdicts(StringBuilder sb, VariantDiff diff)
    {
        var first = Math.Max(10, diff.Verdicts.Max(v => v.Property.Length) + 2);
        var cell = Math.Max(11, Math.Max(diff.A.Length, diff.B.Length) + 2);
        sb.AppendLine($"{"property".PadRight(first)}{diff.A.PadRight(cell)}{diff.B.PadRight(cell)}change");
        sb.AppendLine(new string('-', first + (2 * cell) + 10));
        foreach (var v in diff.Verdicts)
        {
            sb.AppendLine($"{v.Property.PadRight(first)}{VerdictWords.Cell(v.Kind, v.InA).PadRight(cell)}{VerdictWords.Cell(v.Kind, v.InB).PadRight(cell)}{Change(v)}".TrimEnd());
        }
    }

    /// <summary>What a property's verdict did from A to B: fixed, BROKEN, now reached, LOST, unknown, or nothing.</summary>
    public static string Change(VerdictPair v) =>
        !v.Changed ? "" : v.InB == Verdict.Holds ? (v.Kind == PropertyKind.Cover ? "now reached" : "fixed") : v.InB == Verdict.Violated ? (v.Kind == PropertyKind.Cover ? "LOST" : "BROKEN") : "unknown";

    /// <summary>The closing sentence when it says something: an inconclusive diff, or no regression; null when regressions were found.</summary>
    public static string? Conclusion(VariantDiff diff) =>
        diff.Inconclusive
            // Regressions cannot be ruled out where a verdict is unknown.
            ? $"Inconclusive: some verdicts are unknown ({diff.UnknownReason ?? "a limit was hit"}), so regressions cannot be ruled out."
            : diff.Regressions.IsEmpty
                ? $"No regression: no property is violated in {diff.B} that is not in {diff.A}, no deadlock is new and no cover is lost."
                : null;

    /// <summary>Which of B's hunks matter to a replayed story's property: B without any one of them behaves as A again.</summary>
    public static string Matter(VariantDiff diff, StoryReplay r)
    {
        var again = r.InA.Kind == PropertyKind.Cover ? $"reaches {r.Property} again" : r.Property == Model.DeadlockProperty ? "deadlocks again" : $"violates {r.Property} again";
        return r.HunksThatMatter.IsEmpty
            ? $"hunks that matter: none of {diff.B}'s hunks alone (removing any one of them leaves {r.Property} as it is in {diff.B})"
            : $"hunks that matter: {string.Join(", ", r.HunksThatMatter)} ({diff.B} without {(r.HunksThatMatter.Length == 1 ? "it" : "any one of them")} {again})";
    }

    public static string Summary(VariantDiff diff, StoryReplay r)
    {
        var story = r.InA.Kind == PropertyKind.Cover ? "witness" : "counterexample";
        if (r.BlockedAt is { } blocked)
        {
            return $"{diff.A}'s {story} ({r.InA.Trace!.Length} steps) is blocked in {diff.B} at step {blocked}: {r.BlockedReason}.";
        }

        var end = (r.InA.Kind, r.Property == Model.DeadlockProperty, r.StillFails == true) switch
        {
            (PropertyKind.Cover, _, true) => $"{r.Property} is not reached at its end in {diff.B}",
            (PropertyKind.Cover, _, false) => $"{r.Property} is still reached at its end in {diff.B}",
            (_, true, true) => $"its last state has no enabled action in {diff.B} either",
            (_, true, false) => $"its last state has an enabled action in {diff.B}",
            (_, _, true) => $"{r.Property} still fails at its end in {diff.B}",
            _ => $"{r.Property} holds at its end in {diff.B}",
        };
        var stops = r.InA.Kind == PropertyKind.Cover ? "it stops reaching the cover at step" : "it stops failing at step";
        return r.FirstDifference is { } d
            ? $"{diff.A}'s {story} ({r.InA.Trace!.Length} steps) runs in full on {diff.B}; {stops} {d.Step}, {d.Call}, the first step whose effect differs; {end}."
            : $"{diff.A}'s {story} ({r.InA.Trace!.Length} steps) runs unchanged on {diff.B}; {end}.";
    }

    private static void Story(StringBuilder sb, Model model, Trace trace, bool email)
    {
        if (email)
        {
            EmailText.Story(sb, model, trace);
        }
        else
        {
            TextReport.TraceSteps(sb, model, trace);
        }
    }

    private static void Replay(StringBuilder sb, Model model, VariantDiff diff, StoryReplay r, int width, bool email)
    {
        var title = $"== {diff.A} / {r.Property} replayed on {diff.B} ";
        sb.AppendLine(title.Length >= width ? title : title.PadRight(width, '='));
        StateFormatter.AppendWrapped(sb, Summary(diff, r), 3, width);
        if (r.FirstDifference is { } d)
        {
            StateFormatter.AppendWrapped(sb, $"at step {d.Step}, {d.Call}:", 3, width);
            foreach (var x in d.Differences)
            {
                StateFormatter.AppendWrapped(sb, $"{x.Slot}: {x.InA} in {diff.A}, {x.InB} in {diff.B}", 5, width);
            }

            // Each branch B took, with A's branch at the same 'if' when it went the other way.
            var unmatched = d.BranchesInA.ToList();
            foreach (var b in d.BranchesInB)
            {
                var inA = unmatched.FirstOrDefault(x => x.Span == b.Span);
                unmatched.Remove(inA!);
                var other = inA is null ? $" (not reached in {diff.A})" : inA.Then != b.Then ? $" (in {diff.A}: {(inA.Then ? "then" : "else")})" : "";
                StateFormatter.AppendWrapped(sb, $"{b} in {diff.B}{other}", 5, width);
            }

            foreach (var a in unmatched)
            {
                StateFormatter.AppendWrapped(sb, $"{a} in {diff.A} (not reached in {diff.B})", 5, width);
            }
        }

        StateFormatter.AppendWrapped(sb, Matter(diff, r), 3, width);
        sb.AppendLine();
        StateFormatter.AppendWrapped(sb, $"{diff.A}'s story:", 3, width);
        Story(sb, model, r.InA.Trace!, email);
    }
}
