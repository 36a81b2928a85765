using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Traces;
using QuikGraph;
using QuikGraph.Algorithms;

namespace HvModel.Explicit;

/// <summary>
/// The explored state graph, recorded by observing a BFS (states are the store's indices, edges
/// carry the action's name), for analysis and drawing: strongly connected components, the
/// bottom ones (no way out), and DOT export.
/// </summary>
public sealed class StateGraph : IExplorationObserver
{
    private readonly Model model;
    private readonly Dictionary<int, int[]> states = [];
    private readonly HashSet<(int, int, string)> edges = [];

    public StateGraph(Model model)
    {
        this.model = model;
    }

    public BidirectionalGraph<int, TaggedEdge<int, string>> Graph { get; } = new(allowParallelEdges: true);

    // A state's array and its dictionary entry; an edge in the set, the graph's lists and its object.
    public long RetainedBytes => (states.Count * ((model.Slots.Length * 4L) + 64)) + (edges.Count * 160L);

    public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state)
    {
        states[index] = state.ToArray();
        Graph.AddVertex(index);
    }

    public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args)
    {
        if (edges.Add((from, to, action.Name)))
        {
            Graph.AddEdge(new TaggedEdge<int, string>(from, to, action.Name));
        }
    }

    /// <summary>The strongly connected components, as a component number per state; returns their count.</summary>
    public int Components(out Dictionary<int, int> component)
    {
        component = [];
        return Graph.StronglyConnectedComponents(component);
    }

    /// <summary>Components no edge leaves: where every run ends up staying.</summary>
    public IReadOnlyList<int> BottomComponents()
    {
        var count = Components(out var component);
        var leaves = new bool[count];
        foreach (var e in Graph.Edges)
        {
            if (component[e.Source] != component[e.Target])
            {
                leaves[component[e.Source]] = true;
            }
        }

        return [.. Enumerable.Range(0, count).Where(c => !leaves[c])];
    }

    /// <summary>
    /// The graph in Graphviz DOT; each state labelled by the variables that differ from the
    /// initial state. A graph cut short (<paramref name="cut"/>: why) says so in its label.
    /// </summary>
    public string ToDot(string? cut = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"digraph \"{model.Name}\" {{");
        if (cut is not null)
        {
            sb.AppendLine($"  label=\"{$"CUT: {cut}; only part of the reachable states is drawn".Replace("\"", "\\\"", StringComparison.Ordinal)}\";");
        }

        sb.AppendLine("  node [shape=box, fontname=\"monospace\", fontsize=9];");
        sb.AppendLine("  edge [fontname=\"monospace\", fontsize=8];");
        var initial = states.Count > 0 ? states[0] : [];
        foreach (var v in Graph.Vertices.Order())
        {
            var changes = string.Join("\\n", SlotChange.Between(model, initial, states[v]).Select(c => $"{c.Slot.Name} = {c.Slot.Type.Format(c.After)}"));
            var label = v == 0 ? "initial" : $"#{v}\\n{changes}";
            sb.AppendLine($"  s{v} [label=\"{label.Replace("\"", "\\\"", StringComparison.Ordinal)}\"];");
        }

        foreach (var e in Graph.Edges.OrderBy(e => e.Source).ThenBy(e => e.Target).ThenBy(e => e.Tag, StringComparer.Ordinal))
        {
            sb.AppendLine($"  s{e.Source} -> s{e.Target} [label=\"{e.Tag}\"];");
        }

        sb.AppendLine("}");
        return sb.ToString();
    }
}
