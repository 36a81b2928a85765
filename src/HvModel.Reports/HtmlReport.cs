using System.Net;
using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// A self-contained HTML page for design review: the verdict matrix (cells link to their
/// counterexamples) and every counterexample drawn as a sequence of kernel calls, with the
/// story lines and the variables each step changed. No script, no external resource.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em; color: #222; }
        table.matrix { border-collapse: collapse; margin: 1em 0; }
        table.matrix th, table.matrix td { border: 1px solid #bbb; padding: 4px 10px; text-align: center; }
        td.holds { background: #e3f4e1; } td.violated { background: #f9d6d5; font-weight: bold; }
        td.unknown { background: #fff2cc; } td.differs { outline: 3px solid #c00; } td.unchecked { color: #888; }
        ol.trace { list-style: none; padding-left: 0; }
        ol.trace > li { border-left: 4px solid #888; margin: 0.6em 0; padding: 0.3em 0.8em; background: #f7f7f7; }
        .action { font-family: monospace; font-weight: bold; } .calls { font-family: monospace; color: #555; }
        .note { font-style: italic; color: #7a3b00; } .change { font-family: monospace; font-size: 90%; }
        .meta { color: #555; font-size: 90%; }
        """;

    public static string Render(Model model, IReadOnlyList<CheckResult> results, ReportHeader header)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(model.Name)}: verdicts</title><style>{Style}</style></head><body>");
        sb.AppendLine($"<h1>Model {E(model.Name)}</h1>");
        sb.AppendLine($"<p class=\"meta\">{E(header.Tool)} {E(header.Version)}, engine {E(header.Engine ?? "none")}{(header.Solver is null ? "" : $", solver {E(header.Solver)}")}{(header.SettingsText is null ? "" : $", {E(header.SettingsText)}")}<br>");
        sb.AppendLine($"source {E(model.SourceFile)}; constants: {E(string.Join(" ", model.Constants.Select(c => $"{c.Name}={c.Display}")))}</p>");
        foreach (var kind in new[] { PropertyKind.Invariant, PropertyKind.Cover })
        {
            Matrix(sb, model, results, kind);
        }

        foreach (var r in results.Where(r => r.Trace is not null && r.Kind == PropertyKind.Invariant))
        {
            Counterexample(sb, model, r);
        }

        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static void Matrix(StringBuilder sb, Model model, IReadOnlyList<CheckResult> results, PropertyKind kind)
    {
        var columns = model.Properties.Where(p => p.Kind == kind && results.Any(r => r.Property == p.Name))
            .Select(p => (p.Name, p.Description)).ToList();
        if (kind == PropertyKind.Invariant && VerdictMatrix.IsExpectedColumn(model, Model.DeadlockProperty) && results.Any(r => r.Property == Model.DeadlockProperty))
        {
            columns.Add((Model.DeadlockProperty, "a reachable state has no enabled action"));
        }

        if (columns.Count == 0)
        {
            return;
        }

        sb.AppendLine($"<h2>{(kind == PropertyKind.Invariant ? "Invariants" : "Covers (sanity goals that must be reachable)")}</h2>");
        sb.AppendLine("<table class=\"matrix\"><tr><th>variant</th>");
        foreach (var p in columns)
        {
            sb.AppendLine($"<th title=\"{E(p.Description)}\">{E(p.Name)}</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var variant in results.Select(r => r.Variant).Distinct())
        {
            var v = model.Variants.FirstOrDefault(x => x.Name == variant);
            var hunks = v is null || v.Hunks.IsEmpty ? "no hunks" : string.Join(", ", v.Hunks.Select(h => h.Name));
            sb.Append($"<tr><th title=\"{E(hunks)}\">{E(variant)}</th>");
            foreach (var p in columns)
            {
                var r = results.FirstOrDefault(x => x.Variant == variant && x.Property == p.Name);
                if (r is null)
                {
                    sb.Append("<td>-</td>");
                    continue;
                }

                var word = VerdictWords.Cell(r.Kind, r.Verdict);
                var css = VerdictWords.Css(kind, r.Verdict);
                var cell = r.Trace is not null && kind == PropertyKind.Invariant ? $"<a href=\"#{Anchor(r)}\">{word}</a>" : word;
                var title = r.Differs ? $"expected {VerdictWords.Json(r.Expected)}" : r.Reason ?? "";
                sb.Append($"<td class=\"{css}{(r.Differs ? " differs" : "")}\" title=\"{E(title)}\">{cell}</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table>");
    }

    private static void Counterexample(StringBuilder sb, Model model, CheckResult r)
    {
        var trace = r.Trace!;
        var description = model.Properties.FirstOrDefault(p => p.Name == r.Property)?.Description ?? "";
        sb.AppendLine($"<h2 id=\"{Anchor(r)}\">{E(r.Variant)} / {E(r.Property)}: violated in {trace.Length} steps ({E(r.Engine)})</h2>");
        sb.AppendLine($"<p>{E(description)}</p>");
        sb.AppendLine("<details><summary>initial state</summary><pre>");
        foreach (var line in StateFormatter.Variables(model, trace.Steps[0].State))
        {
            sb.AppendLine(E(line));
        }

        sb.AppendLine("</pre></details><ol class=\"trace\">");
        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var step = trace.Steps[i];
            sb.AppendLine($"<li><span class=\"meta\">{i}.</span> <span class=\"action\">{E(StateFormatter.ActionCall(step.Action!, step.Args))}</span>");
            if (step.Action!.Calls is { } calls)
            {
                sb.AppendLine($"<div class=\"calls\">{E(calls)}</div>");
            }

            foreach (var note in step.Notes)
            {
                sb.AppendLine($"<div class=\"note\">{E(note)}</div>");
            }

            foreach (var change in StateFormatter.Changes(model, trace.Steps[i - 1].State, step.State))
            {
                sb.AppendLine($"<div class=\"change\">{E(change)}</div>");
            }

            sb.AppendLine("</li>");
        }

        sb.AppendLine("</ol>");
    }

    private static string Anchor(CheckResult r) => $"cx-{r.Variant}-{r.Property}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
