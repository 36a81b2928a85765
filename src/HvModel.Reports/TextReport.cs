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
    private const int Cell = 9;

    public static string Render(Model model, IReadOnlyList<CheckResult> results, ReportHeader header)
    {
        var sb = new StringBuilder();
        Header(sb, model, header);
        var invariants = PropertyColumns(model, results, PropertyKind.Invariant);
        var covers = PropertyColumns(model, results, PropertyKind.Cover);
        Matrix(sb, "Invariants", results, invariants);
        Matrix(sb, "Covers (sanity goals that must be reachable)", results, covers);

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
        Lines(sb, $"engine {header.Engine}{(header.Solver is null ? "" : $", solver {header.Solver}")}{(header.Settings is null ? "" : $", {header.Settings}")}");
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

    private static List<string> PropertyColumns(Model model, IReadOnlyList<CheckResult> results, PropertyKind kind)
    {
        // Deadlock freedom is not a property of the model's own; it gets a line of its own, and a
        // column too when the model's expect tables name it.
        return [.. results.Where(r => r.Kind == kind && (model.Properties.Any(p => p.Name == r.Property) || IsExpectedColumn(model, r.Property))).Select(r => r.Property).Distinct()];
    }

    /// <summary>True for deadlock when an expect table of the model names it.</summary>
    public static bool IsExpectedColumn(Model model, string property) =>
        property == Model.DeadlockProperty && model.Expectations.Keys.Any(k => k.Property == Model.DeadlockProperty);

    /// <summary>
    /// The verdict matrix of <paramref name="columns"/> (rows: variants), as many columns a block
    /// as fit <paramref name="width"/>, then the legend; under a title line when one is given.
    /// The one layout of the text and e-mail reports.
    /// </summary>
    public static void Matrix(StringBuilder sb, string? title, IReadOnlyList<CheckResult> results, IReadOnlyList<string> columns, int width = Width)
    {
        if (columns.Count == 0)
        {
            return;
        }

        var variants = results.Select(r => r.Variant).Distinct().ToList();
        var first = Math.Min(MaxVariantColumn, Math.Max(8, variants.Max(v => v.Length) + 2));
        sb.AppendLine();
        if (title is not null)
        {
            sb.AppendLine($"{title}:");
        }

        var anyDiffers = false;

        string CellText(string variant, int column)
        {
            var r = results.FirstOrDefault(x => x.Variant == variant && x.Property == columns[column]);
            return r is null ? "-" : VerdictWords.Cell(r.Kind, r.Verdict) + (r.Differs ? "!" : "");
        }

        // Every cell and a space: wider than usual only when a cell needs it ("UNREACHED!").
        var cellWidth = 1 + variants.SelectMany(v => Enumerable.Range(0, columns.Count).Select(c => CellText(v, c).Length)).Append(Cell).Max();

        // As many columns as fit in the width; more properties continue in another block.
        var perBlock = Math.Max(1, (width - first) / cellWidth);
        for (var start = 0; start < columns.Count; start += perBlock)
        {
            var block = Enumerable.Range(start, Math.Min(perBlock, columns.Count - start)).ToList();
            if (start > 0)
            {
                sb.AppendLine();
            }

            var heading = new StringBuilder("variant".PadRight(first));
            foreach (var c in block)
            {
                heading.Append($"[{c + 1}]".PadRight(cellWidth));
            }

            sb.AppendLine(heading.ToString().TrimEnd()).AppendLine(new string('-', Math.Min(width, first + (cellWidth * block.Count) - 1)));
            foreach (var v in variants)
            {
                var row = new StringBuilder(Fit(v, first - 1).PadRight(first));
                foreach (var c in block)
                {
                    var text = CellText(v, c);
                    anyDiffers |= text.EndsWith('!');
                    row.Append(text.PadRight(cellWidth));
                }

                sb.AppendLine(row.ToString().TrimEnd());
            }
        }

        sb.AppendLine();
        for (var c = 0; c < columns.Count; c++)
        {
            StateFormatter.AppendWrapped(sb, $"[{c + 1}] {columns[c]}", 2, width);
        }

        if (anyDiffers)
        {
            sb.AppendLine("  ! differs from the expected verdict");
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

        // Which independent re-checks the symbolic proofs passed, once per kind of certificate.
        foreach (var g in results.Where(r => r.Certificate is not null && r.Verdict != Verdict.Unknown).GroupBy(r => r.Certificate))
        {
            Lines(sb, $"certified: {g.Count()} {(g.Count() == 1 ? "proof" : "proofs")}: {g.Key}");
        }
    }

    private static string Word(CheckResult r) => VerdictWords.Plain(r.Kind, r.Verdict);

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

        sb.AppendLine();
        TraceSteps(sb, model, trace);
    }

    public static void TraceSteps(StringBuilder sb, Model model, Trace trace)
    {
        sb.AppendLine("  0  initial state");
        foreach (var v in StateFormatter.Variables(model, trace.Steps[0].State))
        {
            StateFormatter.AppendWrapped(sb, v, 7, Width);
        }

        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var step = trace.Steps[i];
            sb.AppendLine($"{i,3}  {StateFormatter.ActionCall(step.Action!, step.Args)}");
            if (step.Action!.Calls is { } calls)
            {
                StateFormatter.AppendWrapped(sb, calls, 7, Width);
            }

            foreach (var note in step.Notes)
            {
                StateFormatter.AppendWrapped(sb, "* " + note, 7, Width);
            }

            foreach (var change in StateFormatter.Changes(model, trace.Steps[i - 1].State, step.State))
            {
                StateFormatter.AppendWrapped(sb, change, 7, Width);
            }
        }
    }

    private const int MaxVariantColumn = 24;

    /// <summary>A name cut to <paramref name="width"/> characters, marked with '~' when cut.</summary>
    private static string Fit(string name, int width) => name.Length <= width ? name : name[..(width - 1)] + "~";

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
