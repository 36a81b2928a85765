using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Reports;

/// <summary>
/// The terminal and review-mail report: a header with tool, model and settings, the verdict
/// matrix (variants as rows, properties as columns, numbered with a legend so it fits 80
/// columns), the covers, then every counterexample as numbered kernel-call steps.
/// </summary>
public static class TextReport
{
    public const int Width = 80;

    public static string Render(Model model, IReadOnlyList<CheckResult> results, ReportHeader header)
    {
        var sb = new StringBuilder();
        Header(sb, model, header);
        VerdictMatrix.Write(sb, "Invariants", results, VerdictMatrix.Columns(model, results, PropertyKind.Invariant), Width);
        VerdictMatrix.Write(sb, "Covers (sanity goals that must be reachable)", results, VerdictMatrix.Columns(model, results, PropertyKind.Cover), Width);

        Summary(sb, model, results);
        foreach (var r in results.Where(r => r.Trace is not null && r.Kind == PropertyKind.Invariant))
        {
            sb.AppendLine();
            Counterexample(sb, model, r);
        }

        return sb.ToString();
    }

    public static void Header(StringBuilder sb, Model model, ReportHeader header)
    {
        Lines(sb, $"{header.Tool} {header.Version}: model {model.Name} ({model.SourceFile})");
        Lines(sb, $"engine {header.Engine ?? "none"}{(header.Solver is null ? "" : $", solver {header.Solver}")}{(header.SettingsText is null ? "" : $", {header.SettingsText}")}");
        if (!model.Constants.IsEmpty)
        {
            // A '*' marks a value set with --const rather than the model's default; say so once.
            var legend = model.Constants.Any(c => c.Overridden) ? " (* set by --const)" : "";
            foreach (var line in StateFormatter.Wrap("constants: " + string.Join(" ", model.Constants.Select(c => $"{c.Name}={c.Display}{(c.Overridden ? "*" : "")}")) + legend, Width))
            {
                sb.AppendLine(line);
            }
        }
    }

    private static void Summary(StringBuilder sb, Model model, IReadOnlyList<CheckResult> results)
    {
        sb.AppendLine();
        foreach (var group in results.GroupBy(r => r.Variant))
        {
            var r = group.First();
            var deadlock = group.FirstOrDefault(x => model.Properties.All(p => p.Name != x.Property));
            var free = deadlock is null ? "" : deadlock.Verdict switch
            {
                Verdict.Holds => ", no deadlock",
                Verdict.Violated => ", DEADLOCK",
                Verdict.NotChecked => ", deadlock not checked",
                _ => ", deadlock unknown",
            };

            // A search that stopped early counts only the states it explored: say so.
            var partial = r.Complete != false ? ""
                : $" (a partial search: {group.FirstOrDefault(x => x.Verdict == Verdict.Unknown)?.Reason ?? "it stopped once every verdict was known"})";

            // Each engine checks a variant's properties in one run: the last verdict's time is the run's.
            var explored = r.Complete is not null
                ? $"{r.States} states, {r.Transitions} transitions, depth {group.Max(x => x.Depth)}{partial}{free}, {r.Seconds:0.00} s"
                : $"{group.Count(x => x.Verdict != Verdict.NotChecked)} checks, depth up to {group.Max(x => x.Depth)}{free}, {group.Max(x => x.Seconds):0.00} s";
            sb.AppendLine($"{r.Variant}: {explored}");
        }

        foreach (var r in results.Where(r => r.Differs))
        {
            Lines(sb, $"DIFFERS: {r.Variant} / {r.Property}: {Word(r)}, expected {Word(r with { Verdict = r.Expected })}");
        }

        foreach (var r in results.Where(r => r.Verdict == Verdict.Unknown))
        {
            Lines(sb, $"unknown: {r.Variant} / {r.Property}: {r.Reason}");
        }

        foreach (var reason in results.Where(r => r.Verdict == Verdict.NotChecked).Select(r => $"{r.Property}: {r.Reason}").Distinct())
        {
            Lines(sb, $"not checked: {reason}");
        }

        // How a symbolic engine proved it (k-induction depth, Spacer's invariant with --show-invariant).
        foreach (var r in results.Where(r => r.Verdict == Verdict.Holds && r.Kind == PropertyKind.Invariant && r.Reason is not null))
        {
            Lines(sb, $"proved: {r.Variant} / {r.Property}: {r.Reason}");
        }

        // A verdict a search under --fingerprint gave by having seen every state: it may be wrong, with this probability.
        foreach (var r in results.Where(r => r.CollisionProbability is not null))
        {
            Lines(sb, $"{r.Variant} / {r.Property}: {Word(r)} (fingerprints, collision probability {Probability(r.CollisionProbability!.Value)})");
        }

        // Which independent re-checks the symbolic proofs passed, once per kind of certificate.
        foreach (var g in results.Where(r => r.Certificate is not null && r.Verdict != Verdict.Unknown).GroupBy(r => r.Certificate))
        {
            Lines(sb, $"certified: {g.Count()} {(g.Count() == 1 ? "proof" : "proofs")}: {g.Key}");
        }
    }

    private static string Word(CheckResult r) => VerdictWords.Plain(r.Kind, r.Verdict);

    /// <summary>A probability as people read one: 3.1e-07, or 0 when no collision was possible.</summary>
    public static string Probability(double p) => p == 0 ? "0" : p.ToString("0.0e+00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One counterexample (or witness), as numbered steps with their call chains and changes.</summary>
    public static void Counterexample(StringBuilder sb, Model model, CheckResult r)
    {
        var trace = r.Trace!;
        var description = model.Properties.FirstOrDefault(p => p.Name == r.Property)?.Description ?? r.Reason ?? "";
        var title = $"== {r.Variant} / {r.Property}: {Word(r)} in {trace.Length} steps ({r.Engine}) ";
        if (title.Length > Width)
        {
            Lines(sb, title);
        }
        else
        {
            sb.AppendLine(title.PadRight(Width, '='));
        }

        foreach (var line in StateFormatter.Wrap(description, Width - 4))
        {
            sb.AppendLine($"   {line}");
        }

        if (trace.Unconfirmed is { } why)
        {
            // Every step was replayed; what was not is said, never left out.
            foreach (var line in StateFormatter.Wrap($"(replayed step by step, but {why})", Width - 4))
            {
                sb.AppendLine($"   {line}");
            }
        }

        sb.AppendLine();
        TraceSteps(sb, model, trace);
    }

    /// <summary>A trace as numbered steps with the initial state and every change, at 80 columns (see <see cref="TraceText"/>).</summary>
    public static void TraceSteps(StringBuilder sb, Model model, Trace trace) => TraceText.Steps(sb, model, trace, Width, values: true);

    /// <summary>Text wrapped at the report width, continuation lines indented.</summary>
    private static void Lines(StringBuilder sb, string text)
    {
        var first = true;
        foreach (var line in StateFormatter.Wrap(text, Width - 2))
        {
            sb.Append(first ? "" : "  ").AppendLine(line);
            first = false;
        }
    }

}
