using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// The liveness properties' verdicts as text, under the fairness they assume, and each
/// violation's lasso: the steps from an initial state, then where the cycle begins and that it
/// repeats forever, or that the behaviour stops where no fair action is enabled.
/// </summary>
public static class LivenessTextReport
{
    /// <summary>The section, or nothing when there are no results.</summary>
    public static string Render(Model model, IReadOnlyList<LivenessResult> results)
    {
        var sb = new StringBuilder();
        if (results.Count > 0)
        {
            Write(sb, model, results);
        }

        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Model model, IReadOnlyList<LivenessResult> results)
    {
        sb.AppendLine();
        StateFormatter.AppendWrapped(sb, $"Liveness (explicit engine, {Exploration(results)}; {Fairness(model)}; a behaviour may stop taking steps where no fair action is enabled):", 0, TextReport.Width);
        var width = Math.Max(10, results.Max(r => r.Property.Name.Length) + 2);
        var variantWidth = Math.Max(9, results.Max(r => r.Variant.Length) + 2);
        foreach (var r in results)
        {
            var differs = r.Differs ? $" DIFFERS: expected {VerdictWords.Plain(PropertyKind.Invariant, r.Expected)}" : "";
            sb.AppendLine($"  {r.Variant.PadRight(variantWidth)}{r.Property.Name.PadRight(width)}{VerdictWords.Cell(PropertyKind.Invariant, r.Verdict)}{differs}{(r.Reason is null ? "" : $" ({r.Reason})")}");
        }

        foreach (var r in results.Where(r => r.Lasso is not null))
        {
            sb.AppendLine();
            Lasso(sb, model, r);
        }
    }

    /// <summary>One violation's lasso under its title: the steps, then how the behaviour goes on forever.</summary>
    public static void Lasso(StringBuilder sb, Model model, LivenessResult r)
    {
        var title = $"== {r.Variant} / {r.Property.Name}: violated, a lasso of {r.Lasso!.Length} steps ";
        sb.AppendLine(title.Length >= TextReport.Width ? title : title.PadRight(TextReport.Width, '='));
        StateFormatter.AppendWrapped(sb, r.Property.Description, 3, TextReport.Width);
        sb.AppendLine();
        TextReport.TraceSteps(sb, model, r.Lasso);
        StateFormatter.AppendWrapped(sb, $"-- {Ending(r)}", 0, TextReport.Width);
    }

    /// <summary>How a lasso goes on forever: its cycle, or stopping where no fair action is enabled.</summary>
    public static string Ending(LivenessResult r) => r.CycleStart is { } c
        ? $"steps {c + 1} to {r.Lasso!.Length} repeat forever: step {r.Lasso.Length} returns to the state after step {c}"
        : $"after step {r.Lasso!.Length} the behaviour stops taking steps: no fair action is enabled there";

    /// <summary>
    /// How the graphs were explored, in words, as every report says it: with symmetry (fairness
    /// followed through the renamings of the quotient) or without, per variant when they differ.
    /// </summary>
    public static string Exploration(IReadOnlyList<LivenessResult> results)
    {
        var variants = results.GroupBy(r => r.Variant).Select(g => (Variant: g.Key, Symmetry: g.All(r => r.Symmetry))).ToList();
        return variants.All(v => v.Symmetry) ? "with symmetry"
            : variants.All(v => !v.Symmetry) ? "without symmetry"
            : $"with symmetry in {string.Join(", ", variants.Where(v => v.Symmetry).Select(v => v.Variant))}, without in {string.Join(", ", variants.Where(v => !v.Symmetry).Select(v => v.Variant))}";
    }

    /// <summary>The fairness the verdicts assume, in words.</summary>
    public static string Fairness(Model model)
    {
        var groups = model.Fairness.GroupBy(f => f.Value).OrderBy(g => g.Key)
            .Select(g => $"fair {(g.Key == Core.Ir.Fairness.Weak ? "weak" : "strong")}: {string.Join(", ", model.Actions.Where(a => g.Any(f => f.Key == a)).Select(a => a.Name))}");
        return model.Fairness.IsEmpty ? "no action is fair" : string.Join("; ", groups);
    }
}
