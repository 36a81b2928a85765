using System.Net;
using System.Text;
using HvModel.Core.Ir;

namespace HvModel.Reports.Html;

/// <summary>
/// The frame of every HTML report: one self-contained page (its style inline, no script, no
/// external resource, so it reads the same mailed, archived or opened offline), a header with
/// tool, model, source, constants and settings, and a closing legend of the marks it uses.
/// </summary>
public static class HtmlPage
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em; color: #222; max-width: 110em; }
        table.matrix { border-collapse: collapse; margin: 1em 0; }
        table.matrix th, table.matrix td { border: 1px solid #bbb; padding: 4px 10px; text-align: center; }
        .holds { background: #e3f4e1; } .violated { background: #f9d6d5; font-weight: bold; }
        .unknown { background: #fff2cc; } .differs { outline: 3px solid #c00; } .unchecked { color: #888; }
        span.badge { border: 1px solid #bbb; padding: 2px 8px; }
        ol.trace { list-style: none; padding-left: 0; }
        ol.trace > li { border-left: 4px solid #888; margin: 0.6em 0; padding: 0.3em 0.8em; background: #f7f7f7; }
        ol.trace > li:target { border-left-color: #c00; background: #fdeeee; }
        .action { font-family: monospace; font-weight: bold; } .calls { font-family: monospace; color: #555; }
        .note { font-style: italic; color: #7a3b00; } .change { font-family: monospace; font-size: 90%; }
        .meta { color: #555; font-size: 90%; } .warning { color: #a00; }
        .diagram { overflow-x: auto; margin: 1em 0; }
        svg.sequence { font-family: monospace; font-size: 12px; }
        svg.sequence .lane-head rect { fill: #e8eef7; stroke: #6b7fa6; }
        svg.sequence .lane-head text { font-family: sans-serif; font-weight: bold; }
        svg.sequence .lifeline { stroke: #9aa7c0; stroke-dasharray: 4 4; }
        svg.sequence .step rect { fill: #fff; stroke: #444; }
        svg.sequence .step.last rect { stroke: #c00; stroke-width: 2.5; fill: #fdeeee; }
        svg.sequence .step:hover rect { fill: #fff7d6; }
        svg.sequence .number { fill: #666; }
        svg.sequence .passes { stroke: #666; fill: none; }
        svg.sequence .noted { fill: #b35c00; }
        svg.sequence .verdict { fill: #c00; font-family: sans-serif; font-weight: bold; }
        dl.legend dt { font-weight: bold; float: left; clear: left; width: 11em; }
        dl.legend dd { margin-left: 12em; margin-bottom: 0.3em; }
        """;

    /// <summary>Opens the page: its title, the heading and the run's header.</summary>
    public static void Begin(StringBuilder sb, Model model, ReportHeader header, string what)
    {
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(model.Name)}: {E(what)}</title><style>{Style}</style></head><body>");
        sb.AppendLine($"<h1>Model {E(model.Name)}: {E(what)}</h1>");
        sb.AppendLine($"<p class=\"meta\">{E(header.Tool)} {E(header.Version)}, engine {E(header.Engine ?? "none")}{(header.Solver is null ? "" : $", solver {E(header.Solver)}")}{(header.SettingsText is null ? "" : $", {E(header.SettingsText)}")}<br>");
        sb.AppendLine($"source {E(model.SourceFile)}; constants: {E(model.ConstantAssignments)}</p>");
    }

    /// <summary>A list of sentences under a heading (nothing when there are none).</summary>
    public static void List(StringBuilder sb, string heading, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        sb.AppendLine($"<h2>{E(heading)}</h2><ul>");
        foreach (var line in items)
        {
            sb.AppendLine($"<li>{E(line)}</li>");
        }

        sb.AppendLine("</ul>");
    }

    /// <summary>Closes the page with the legend: every mark the page uses, said in words.</summary>
    public static void End(StringBuilder sb, IEnumerable<(string Mark, string Meaning)> legend)
    {
        sb.AppendLine("<h2 id=\"legend\">Legend</h2><dl class=\"legend\">");
        foreach (var (mark, meaning) in legend)
        {
            sb.AppendLine($"<dt>{mark}</dt><dd>{E(meaning)}</dd>");
        }

        sb.AppendLine("</dl></body></html>");
    }

    /// <summary>The legend's lines for the verdict matrix's cells (marks are HTML, drawn as in the matrix).</summary>
    public static IEnumerable<(string Mark, string Meaning)> MatrixLegend() =>
    [
        (Badge("holds", "holds"), "the invariant holds in every reachable state (or a cover's goal was reached)"),
        (Badge("violated", "VIOLATED"), "a reachable state breaks the invariant; the cell links to the shortest counterexample"),
        (Badge("unknown", "UNREACHED"), "a cover's goal was never reached: the properties may hold vacuously"),
        (Badge("unknown", "unknown"), "no verdict: a limit was hit, or the solver could not decide (hover for the reason)"),
        (Badge("unchecked", "unchecked"), "not checked by this engine"),
        (Badge("violated differs", "VIOLATED"), "a red frame: the verdict differs from the model's expect table"),
    ];

    /// <summary>Text for HTML: escaped.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    public static string Badge(string css, string word) => $"<span class=\"badge {css}\">{word}</span>";
}
