using System.Text;
using HvModel.Core.Graphs;
using HvModel.Core.Traces;

namespace HvModel.Reports;

/// <summary>
/// An <see cref="ExploredGraph"/> in Graphviz DOT, to be drawn with <c>dot -Tsvg</c>: states
/// labelled by what differs from the first initial state (the whole state in the tooltip), edges
/// by their action calls, states that violate an invariant filled red, the counterexamples'
/// paths in red, dead ends with a double border and the strongly connected components of more
/// than one state in dashed clusters. A header (comments and the graph's label) says whether
/// the graph is complete, whether symmetry was applied, and which layout it asks for.
/// </summary>
public static class GraphDot
{
    /// <summary>
    /// The most edges <c>dot</c>'s layered layout is asked to draw; a graph with more says
    /// <c>layout=sfdp</c>. Edges, not states, because dense graphs are what dot cannot draw:
    /// measured with graphviz 2.43 (<c>dot -Tsvg</c> of this renderer's output, one core), every
    /// graph of up to 455 edges took at most 1.2 s (ticketlock racy, 206 states and 368 edges:
    /// 1.2 s), while test_and_set with N=4 (145 states, 580 edges, one strongly connected
    /// component) did not finish in 3 minutes (27 s even without edge labels); of ten graphs
    /// of 580 to 5,520 edges only one drew in under 10 s, the flagship at 2x2 (2,432 states) not in
    /// 5 minutes. sfdp drew each of them in at most 2.5 s. The figures are in docs/graphs.md.
    /// </summary>
    public const int DotLayoutEdges = 500;

    private const string Violating = "#f4cccc";
    private const string PathColor = "red";

    public static string Render(ExploredGraph g)
    {
        var model = g.Model;
        var sfdp = g.Edges.Length > DotLayoutEdges;
        var onPath = g.Counterexamples.SelectMany(p => p.States).ToHashSet();
        var pathEdges = g.Counterexamples.SelectMany(p => p.Edges).ToHashSet();

        var sb = new StringBuilder();
        sb.AppendLine($"// hvmodel graph: model {model.Name} ({model.SourceFile}), variant {g.Variant}");
        if (!model.Constants.IsEmpty)
        {
            sb.AppendLine($"// constants: {model.ConstantAssignments}");
        }

        sb.AppendLine($"// {GraphWords.Size(g)}; {GraphWords.Completeness(g)}");
        sb.AppendLine($"// {GraphWords.Symmetry(g)}");
        sb.AppendLine(sfdp
            ? $"// layout: sfdp (set below), as for every graph of more than {DotLayoutEdges} edges: dot's layered layout took minutes on such graphs; sfdp draws no clusters"
            : $"// layout: dot (dot -Tsvg); a graph of more than {DotLayoutEdges} edges would be set to sfdp, which scales");
        sb.AppendLine($"digraph {Quote(model.Name)} {{");
        sb.AppendLine($"  graph [label={Quote(Legend(g, sfdp), "\\l")}, labelloc=t, labeljust=l, fontname=\"monospace\", fontsize=10];");
        if (sfdp)
        {
            sb.AppendLine("  layout=sfdp;");
            sb.AppendLine("  overlap=false;");
        }

        sb.AppendLine("  node [shape=box, fontname=\"monospace\", fontsize=9];");
        sb.AppendLine("  edge [fontname=\"monospace\", fontsize=8];");
        if (!sfdp)
        {
            Clusters(sb, g);
        }

        IReadOnlyList<int> first = g.States.IsEmpty ? [] : g.States[0].Values;
        foreach (var s in g.States)
        {
            var changes = SlotChange.Between(model, first, s.Values).Select(c => $"{c.Slot.Name} = {c.Slot.Type.Format(c.After)}");
            var head = s.Initial ? $"#{s.Id} initial" : $"#{s.Id}";
            var violates = s.Violates.IsEmpty ? [] : new[] { $"violates {string.Join(", ", s.Violates)}" };
            var attributes = new List<string> { $"label={Quote([head, .. changes, .. violates])}", $"tooltip={Quote(StateFormatter.Variables(model, s.Values))}" };
            var style = new List<string>();
            if (s.Initial)
            {
                style.Add("rounded");
            }

            if (!s.Violates.IsEmpty)
            {
                style.Add("filled");
                attributes.Add($"fillcolor=\"{Violating}\"");
            }

            if (style.Count > 0)
            {
                attributes.Add($"style=\"{string.Join(",", style)}\"");
            }

            if (onPath.Contains(s.Id))
            {
                attributes.Add($"color={PathColor}, penwidth=2");
            }

            if (s.DeadEnd)
            {
                attributes.Add("peripheries=2");
            }

            sb.AppendLine($"  s{s.Id} [{string.Join(", ", attributes)}];");
        }

        foreach (var e in g.Edges)
        {
            var path = pathEdges.Contains(e.Id) ? $", color={PathColor}, fontcolor={PathColor}, penwidth=2" : "";
            sb.AppendLine($"  s{e.From} -> s{e.To} [label={Quote(GraphWords.Calls(e))}{path}];");
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    /// <summary>The graph's label: what it is, then a key to what is marked in it.</summary>
    private static IEnumerable<string> Legend(ExploredGraph g, bool sfdp)
    {
        yield return $"{g.Model.Name}, variant {g.Variant}: {GraphWords.Size(g)}";
        yield return GraphWords.Completeness(g);
        yield return GraphWords.Symmetry(g);
        if (GraphWords.Ends(g) is { } ends)
        {
            yield return ends;
        }

        var violated = g.Model.Properties.Where(p => g.States.Any(s => s.Violates.Contains(p.Name))).Select(p => p.Name).ToArray();
        if (violated.Length > 0)
        {
            yield return $"filled red: violates {string.Join(", ", violated)}";
        }

        foreach (var p in g.Counterexamples)
        {
            yield return $"red path: shortest counterexample to {p.Property} ({p.Edges.Length} steps)";
        }

        if (g.States.Any(s => s.DeadEnd))
        {
            yield return "double border: dead end";
        }

        if (sfdp)
        {
            yield return $"laid out by sfdp: more than {DotLayoutEdges} edges, too many for dot";
        }

        if (g.Components.Any(c => !c.Trivial))
        {
            yield return sfdp ? $"{g.Components.Count(c => !c.Trivial)} strongly connected components of more than one state (no clusters in sfdp)" : "dashed boxes: strongly connected components of more than one state";
        }
    }

    private static void Clusters(StringBuilder sb, ExploredGraph g)
    {
        foreach (var c in g.Components.Where(c => !c.Trivial))
        {
            var label = $"component {c.Id}: {c.States.Length} states{(c.Terminal ? ", terminal" : "")}";
            sb.AppendLine($"  subgraph cluster_c{c.Id} {{ label={Quote(label)}; style=dashed; color=gray50; fontcolor=gray30; {string.Join(" ", c.States.Select(s => $"s{s};"))} }}");
        }
    }

    private static string Quote(string text) => Quote([text]);

    /// <summary>
    /// Lines as one quoted DOT string, each ended by <paramref name="end"/> (<c>\n</c> centres a
    /// line, <c>\l</c> left-justifies it) but the last when it is <c>\n</c>.
    /// </summary>
    private static string Quote(IEnumerable<string> lines, string end = "\\n")
    {
        var escaped = lines.Select(l => l.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal));
        var body = end == "\\n" ? string.Join(end, escaped) : string.Concat(escaped.Select(l => l + end));
        return $"\"{body}\"";
    }
}
