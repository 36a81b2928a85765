using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Reports;

/// <summary>
/// A trace told as numbered steps: each step's action with its arguments, its kernel call
/// chain and every note of the story, wrapped with a hanging indent and never cut, then (where
/// values are wanted) the initial state and each step's per-variable changes. The text report
/// and the committed counterexamples tell it at 80 columns with the values; e-mail at 72
/// without them, so that a reviewer reads the story and nothing of it is lost.
/// </summary>
public static class TraceText
{
    private const int Indent = 7;

    public static void Steps(StringBuilder sb, Model model, Trace trace, int width, bool values)
    {
        if (values)
        {
            sb.AppendLine("  0  initial state");
            foreach (var v in StateFormatter.Variables(model, trace.Steps[0].State))
            {
                StateFormatter.AppendWrapped(sb, v, Indent, width);
            }
        }

        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var step = trace.Steps[i];
            Head(sb, i, StateFormatter.ActionCall(step.Action!, step.Args), width);
            if (step.Action!.Calls is { } calls)
            {
                StateFormatter.AppendWrapped(sb, calls, Indent, width);
            }

            foreach (var note in step.Notes)
            {
                StateFormatter.AppendWrapped(sb, "* " + note, Indent, width);
            }

            if (values)
            {
                foreach (var change in StateFormatter.Changes(model, trace.Steps[i - 1].State, step.State))
                {
                    StateFormatter.AppendWrapped(sb, change, Indent, width);
                }
            }
        }
    }

    /// <summary>The step's number and action; an action too long for the line goes on under the action, not past the width.</summary>
    private static void Head(StringBuilder sb, int step, string call, int width)
    {
        var head = $"{step,3}  ";
        if (head.Length + call.Length <= width)
        {
            sb.AppendLine(head + call);
            return;
        }

        var first = true;
        foreach (var line in StateFormatter.Wrap(call, width - Indent))
        {
            sb.AppendLine(first ? head + line : new string(' ', Indent) + line);
            first = false;
        }
    }
}
