using HvModel.Core.Graphs;

namespace HvModel.Reports;

/// <summary>
/// An <see cref="ExploredGraph"/> in GraphML, for yEd, Gephi and scripts: one graph whose data
/// say what it is (model, variant, complete or cut and why, symmetry, dead ends), a node per
/// state with every variable's value (see <see cref="GraphmlWriter"/>), and an edge per
/// action between two states with its calls and arguments. What the DOT form marks with colours
/// is data here: the invariants a state violates, the counterexamples a state or an edge is on,
/// the state's strongly connected component, whether it is a dead end.
/// </summary>
public static class GraphGraphml
{
    public static string Render(ExploredGraph g)
    {
        var model = g.Model;
        var ends = GraphWords.Ends(g) is { } e ? $"; {e}" : "";
        using var w = new GraphmlWriter($"hvmodel graph: model {model.Name} ({model.SourceFile}), variant {g.Variant}: {GraphWords.Size(g)}; {GraphWords.Completeness(g)}; {GraphWords.Symmetry(g)}{ends}");

        w.Key("model", "graph", "model", "string");
        w.Key("variant", "graph", "variant", "string");
        w.Key("complete", "graph", "complete", "boolean");
        w.Key("cut", "graph", "cut", "string");
        w.Key("symmetry", "graph", "symmetry", "boolean");
        w.Key("dead_ends", "graph", "dead_ends", "int");
        w.Key("terminal_components", "graph", "terminal_components", "int");
        w.Key("label", "node", "label", "string");
        w.SlotKeys(model);
        w.Key("initial", "node", "initial", "boolean");
        w.Key("depth", "node", "depth", "int");
        w.Key("component", "node", "component", "int");
        w.Key("dead_end", "node", "dead_end", "boolean");
        w.Key("violates", "node", "violates", "string");
        w.Key("n_counterexample", "node", "counterexample", "string");
        w.ActionKeys();
        w.Key("e_counterexample", "edge", "counterexample", "string");

        w.StartGraph(g.Variant);
        w.Data("model", model.Name);
        w.Data("variant", g.Variant);
        w.Data("complete", g.Complete);
        if (g.Cut is { } cut)
        {
            w.Data("cut", cut);
        }

        w.Data("symmetry", g.Symmetry);
        if (g.DeadEnds is { } deadEnds && g.TerminalComponents is { } terminal)
        {
            w.Data("dead_ends", deadEnds);
            w.Data("terminal_components", terminal);
        }

        foreach (var s in g.States)
        {
            w.StartNode($"s{s.Id}");
            w.Data("label", s.Initial ? $"#{s.Id} initial" : $"#{s.Id}");
            w.SlotData(model, s.Values);
            w.Data("initial", s.Initial);
            w.Data("depth", s.Depth);
            w.Data("component", s.Component);
            w.Data("dead_end", s.DeadEnd);
            if (!s.Violates.IsEmpty)
            {
                w.Data("violates", string.Join(", ", s.Violates));
            }

            if (On(g, p => p.States.Contains(s.Id)) is { } paths)
            {
                w.Data("n_counterexample", paths);
            }

            w.End();
        }

        foreach (var edge in g.Edges)
        {
            w.StartEdge($"e{edge.Id}", $"s{edge.From}", $"s{edge.To}");
            w.ActionData(edge.Instances);
            if (On(g, p => p.Edges.Contains(edge.Id)) is { } paths)
            {
                w.Data("e_counterexample", paths);
            }

            w.End();
        }

        w.End();
        return w.Finish();
    }

    /// <summary>The properties whose counterexample passes there, or null when none does.</summary>
    private static string? On(ExploredGraph g, Func<GraphPath, bool> passes) =>
        g.Counterexamples.Where(passes).Select(p => p.Property).ToArray() is { Length: > 0 } names ? string.Join(", ", names) : null;
}
