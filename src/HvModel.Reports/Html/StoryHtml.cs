using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Traces;
using static HvModel.Reports.Html.HtmlPage;

namespace HvModel.Reports.Html;

/// <summary>
/// A story (a counterexample or a replayed one) on a page: its sequence diagram, then the
/// initial state and every step in full (action, call chain, notes, changed variables), each
/// step's item the target of its box in the diagram.
/// </summary>
public static class StoryHtml
{
    public static void Write(StringBuilder sb, Model model, Trace trace, string anchor, string ending)
    {
        SequenceDiagram.Write(sb, model, trace, anchor, ending);
        sb.AppendLine("<details><summary>initial state</summary><pre>");
        foreach (var line in StateFormatter.Variables(model, trace.Steps[0].State))
        {
            sb.AppendLine(E(line));
        }

        sb.AppendLine("</pre></details><ol class=\"trace\">");
        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var step = trace.Steps[i];
            sb.AppendLine($"<li id=\"{anchor}-{i}\"><span class=\"meta\">{i}.</span> <span class=\"action\">{E(SequenceDiagram.Call(step))}</span>");
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
}
