using System.Globalization;
using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Reports.Html;

/// <summary>
/// A counterexample drawn as an inline SVG sequence diagram: a column (lane) per part of the
/// system, as the model declares them (<c>lane</c>), time downwards, each step a box in its
/// action's lane with the action and its arguments, and an arrow where control passes from one
/// lane to another. A box's hover text (SVG's own title, no script) holds the step's call chain,
/// notes and changed variables; the box links to the same in the list below the diagram.
/// </summary>
public static class SequenceDiagram
{
    private const int Margin = 36;       // left of the first lane: the step numbers
    private const int Gap = 18;          // between lanes
    private const int HeadHeight = 30;
    private const int Row = 40;          // one step
    private const int BoxHeight = 26;
    private const double CharWidth = 7.3; // 12px monospace, with a little room

    /// <summary>
    /// Writes the diagram of <paramref name="trace"/>; step i's box links to <c>#{anchor}-{i}</c>.
    /// <paramref name="ending"/> is what the last state shows (the property it breaks).
    /// </summary>
    public static void Write(StringBuilder sb, Model model, Trace trace, string anchor, string ending)
    {
        if (trace.Length == 0)
        {
            // Nothing to draw: the initial state itself breaks the property.
            sb.AppendLine($"<p class=\"verdict\">{HtmlPage.E(ending)}: in the initial state, before any step</p>");
            return;
        }

        var lanes = Lanes(model, trace);
        var laneOf = new Dictionary<ActionDef, int>();
        for (var l = 0; l < lanes.Count; l++)
        {
            foreach (var a in lanes[l].Actions)
            {
                laneOf[a] = l;
            }
        }

        // Each lane as wide as its title and the longest call drawn in it.
        var width = new double[lanes.Count];
        for (var l = 0; l < lanes.Count; l++)
        {
            width[l] = Math.Max(140, (lanes[l].Title.Length * CharWidth) + 20);
        }

        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var l = laneOf[trace.Steps[i].Action!];
            width[l] = Math.Max(width[l], (Call(trace.Steps[i]).Length * CharWidth) + 24);
        }

        var left = new double[lanes.Count];
        for (var l = 1; l < lanes.Count; l++)
        {
            left[l] = left[l - 1] + width[l - 1] + Gap;
        }

        var totalWidth = Margin + left[^1] + width[^1] + 4;
        var bottom = HeadHeight + 16 + ((trace.Length + 1) * Row);
        sb.AppendLine($"<div class=\"diagram\"><svg class=\"sequence\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(totalWidth)}\" height=\"{bottom}\" viewBox=\"0 0 {F(totalWidth)} {bottom}\" role=\"img\" aria-label=\"{HtmlPage.E($"sequence diagram of {trace.Length} steps")}\">");
        sb.AppendLine($"<defs><marker id=\"arrow-{anchor}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#666\"/></marker></defs>");
        for (var l = 0; l < lanes.Count; l++)
        {
            var x = Margin + left[l];
            var centre = x + (width[l] / 2);
            sb.AppendLine($"<g class=\"lane-head\"><title>{HtmlPage.E(LaneHover(lanes[l]))}</title><rect x=\"{F(x)}\" y=\"2\" width=\"{F(width[l])}\" height=\"{HeadHeight}\" rx=\"4\"/><text x=\"{F(centre)}\" y=\"{(HeadHeight / 2) + 6}\" text-anchor=\"middle\">{HtmlPage.E(lanes[l].Title)}</text></g>");
            sb.AppendLine($"<line class=\"lifeline\" x1=\"{F(centre)}\" y1=\"{HeadHeight + 2}\" x2=\"{F(centre)}\" y2=\"{bottom - 4}\"/>");
        }

        var previous = -1;
        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var step = trace.Steps[i];
            var l = laneOf[step.Action!];
            var x = Margin + left[l];
            var top = HeadHeight + 16 + ((i - 1) * Row);
            var middle = top + (BoxHeight / 2);
            if (previous >= 0 && previous != l)
            {
                // Control passes from the lane of the step before: drawn as a message to this box.
                var from = Margin + left[previous] + (width[previous] / 2);
                var to = previous < l ? x : x + width[l];
                sb.AppendLine($"<line class=\"passes\" x1=\"{F(from)}\" y1=\"{middle}\" x2=\"{F(to)}\" y2=\"{middle}\" marker-end=\"url(#arrow-{anchor})\"/>");
            }

            var last = i == trace.Length ? " last" : "";
            sb.AppendLine($"<a href=\"#{anchor}-{i}\"><g class=\"step{last}\" data-step=\"{i}\" data-action=\"{HtmlPage.E(step.Action!.Name)}\"><title>{HtmlPage.E(StepHover(model, trace, i))}</title>");
            sb.AppendLine($"<rect x=\"{F(x + 4)}\" y=\"{top}\" width=\"{F(width[l] - 8)}\" height=\"{BoxHeight}\" rx=\"3\"/>");
            sb.AppendLine($"<text x=\"{F(x + (width[l] / 2))}\" y=\"{middle + 4}\" text-anchor=\"middle\">{HtmlPage.E(Call(step))}</text>");
            if (!step.Notes.IsEmpty)
            {
                sb.AppendLine($"<circle class=\"noted\" cx=\"{F(x + width[l] - 9)}\" cy=\"{top + 5}\" r=\"3.5\"/>");
            }

            sb.AppendLine($"</g></a><text class=\"number\" x=\"{Margin - 8}\" y=\"{middle + 4}\" text-anchor=\"end\">{i}</text>");
            previous = l;
        }

        var end = HeadHeight + 16 + (trace.Length * Row) + 16;
        sb.AppendLine($"<text class=\"verdict\" x=\"{Margin}\" y=\"{end}\">{HtmlPage.E(ending)}</text>");
        sb.AppendLine("</svg></div>");
    }

    /// <summary>The legend's lines for the sequence diagrams.</summary>
    public static IEnumerable<(string Mark, string Meaning)> Legend() =>
    [
        ("lane", "a column of a sequence diagram: a part of the system (the model's 'lane' declarations; without them, one per action)"),
        ("box", "one step: an action with its arguments, in its lane; hover for its call chain, notes and changes, click for them in the list"),
        ("arrow", "control passes from the lane of the step before to this step's lane"),
        ("orange dot", "the step has notes: the story of what the kernel code did"),
        ("red box", "the last step: its state breaks the property named under the diagram"),
    ];

    /// <summary>
    /// The lanes drawn: the model's own, all of them, so that every diagram of a model has the
    /// same columns; a model that declares none gets one lane per action the trace takes.
    /// </summary>
    public static IReadOnlyList<Lane> Lanes(Model model, Trace trace) => !model.Lanes.IsEmpty
        ? model.Lanes
        : [.. trace.Steps.Skip(1).Select(s => s.Action!).Distinct().Select(a => new Lane(a.Name, a.Name, [a], a.Span))];

    /// <summary>What a step's box says: the action instance, as every report writes it.</summary>
    public static string Call(TraceStep step) => StateFormatter.ActionCall(step.Action!, step.Args);

    private static string StepHover(Model model, Trace trace, int i)
    {
        var step = trace.Steps[i];
        var lines = new List<string> { $"{i}. {Call(step)}" };
        if (step.Action!.Calls is { } calls)
        {
            lines.Add(calls);
        }

        lines.AddRange(step.Notes.Select(n => $"note: {n}"));
        lines.AddRange(StateFormatter.Changes(model, trace.Steps[i - 1].State, step.State));
        return string.Join("\n", lines);
    }

    private static string LaneHover(Lane lane) => $"{lane.Title}: {string.Join(", ", lane.Actions.Select(a => a.Name))}";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
