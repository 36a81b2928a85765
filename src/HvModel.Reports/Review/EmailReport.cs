using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>check --format email</c>: text of at most 72 columns to paste into a review reply: the
/// verdict matrix, each counterexample as the kernel-call story (every note, wrapped),
/// then the command that reproduces it all.
/// </summary>
public static class EmailReport
{
    public static string Render(Model model, IReadOnlyList<CheckResult> results, string reproduce, IReadOnlyList<LivenessResult>? liveness = null)
    {
        var sb = new StringBuilder();
        EmailText.Wrapped(sb, $"HvModel verdicts for model {model.Name}" + (model.Constants.Any(c => c.Overridden) ? $" ({string.Join(" ", model.Constants.Where(c => c.Overridden).Select(c => c.Assignment))})" : ""));
        var columns = results.Where(r => model.Properties.Any(p => p.Name == r.Property)).Select(r => r.Property).Distinct().ToList();
        VerdictMatrix.Write(sb, null, results, columns, EmailText.Width);
        foreach (var r in results.Where(r => r.Trace is not null && r.Kind == PropertyKind.Invariant && r.Verdict == Verdict.Violated))
        {
            sb.AppendLine();
            EmailText.Wrapped(sb, $"{r.Variant} / {r.Property}: violated in {r.Trace!.Length} steps");
            EmailText.Story(sb, model, r.Trace);
        }

        Liveness(sb, model, liveness ?? []);
        sb.AppendLine();
        EmailText.Command(sb, reproduce);
        return sb.ToString();
    }

    /// <summary>The liveness verdicts, and each violation's lasso as the whole story with where its cycle begins.</summary>
    private static void Liveness(StringBuilder sb, Model model, IReadOnlyList<LivenessResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        EmailText.Wrapped(sb, $"Liveness ({LivenessTextReport.Exploration(results)}; {LivenessTextReport.Fairness(model)}):");
        foreach (var r in results)
        {
            EmailText.Wrapped(sb, $"{r.Variant} / {r.Property.Name}: {VerdictWords.Plain(PropertyKind.Invariant, r.Verdict)}{(r.Differs ? $", expected {VerdictWords.Plain(PropertyKind.Invariant, r.Expected)}" : "")}", 2);
        }

        foreach (var r in results.Where(r => r.Lasso is not null))
        {
            sb.AppendLine();
            EmailText.Wrapped(sb, $"{r.Variant} / {r.Property.Name}: violated, a lasso of {r.Lasso!.Length} steps");
            EmailText.Story(sb, model, r.Lasso);
            EmailText.Wrapped(sb, $"-- {LivenessTextReport.Ending(r)}");
        }
    }
}
