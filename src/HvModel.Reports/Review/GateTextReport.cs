using System.Text;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>The gate's findings as text: unexpected ones first (they fail the gate), then the expected ones with their reasons.</summary>
public static class GateTextReport
{
    public static string Render(GateReport gate, int width = TextReport.Width)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Gate: {string.Join(", ", gate.States.Select(s => $"{s.Key} {s.Value} states"))} (no symmetry)");
        var unexpected = gate.Findings.Where(f => !f.Expected).ToList();
        var expected = gate.Findings.Where(f => f.Expected).ToList();
        sb.AppendLine(unexpected.Count == 0 ? "no unexpected finding" : $"{unexpected.Count} unexpected finding{(unexpected.Count == 1 ? "" : "s")}:");
        foreach (var f in unexpected)
        {
            StateFormatter.AppendWrapped(sb, $"FINDING {f.Variant}: {What(f)}: {f.Detail}", 2, width);
        }

        if (expected.Count > 0)
        {
            sb.AppendLine($"{expected.Count} expected:");
            foreach (var f in expected)
            {
                StateFormatter.AppendWrapped(sb, $"expected {f.Variant}: {What(f)}: {f.ExpectedBecause}", 2, width);
            }
        }

        foreach (var e in gate.Unmatched)
        {
            StateFormatter.AppendWrapped(sb, $"note: expectation at {e.Span} ({e.Subject}) matches no finding", 0, width);
        }

        foreach (var (v, why) in gate.Incomplete)
        {
            StateFormatter.AppendWrapped(sb, $"unknown: {v}: the exploration stopped ({why}); nothing is concluded for it", 0, width);
        }

        return sb.ToString();
    }

    // "never_fires cpu_up(c=Cpu0)", but "deadlock", not "deadlock deadlock".
    public static string What(GateFinding f) => f.Subject == f.KindWord ? f.KindWord : $"{f.KindWord} {f.Subject}";
}
