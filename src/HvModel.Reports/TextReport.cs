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
            foreach (var line in StateFormatter.Wrap("constants: " + string.Join(" ", model.Constants.Select(c => $"{c.Assignment}{(c.Overridden ? "*" : "")}")) + legend, Width))
            {
                sb.AppendLine(line);
            }
        }
    }

    private static void Summary(StringBuilder sb, Model model, IReadOnlyList<CheckResult> results)
    {
        sb.AppendLine();

        // A variant's line stays one line, for grep, however long its reason for stopping.
        foreach (var line in RunSummary.Variants(model, results))
        {
            sb.AppendLine(line);
        }

        foreach (var line in RunSummary.Notes(results))
        {
            Lines(sb, line);
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
