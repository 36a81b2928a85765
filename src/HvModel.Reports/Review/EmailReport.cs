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
    public static string Render(Model model, IReadOnlyList<CheckResult> results, string reproduce)
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

        sb.AppendLine();
        EmailText.Command(sb, reproduce);
        return sb.ToString();
    }
}
