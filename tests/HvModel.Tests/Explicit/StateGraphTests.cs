using HvModel.Core.Checking;
using HvModel.Explicit;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

public class StateGraphTests
{
    private static StateGraph Explore(string text)
    {
        var model = Check.Load(text);
        var graph = new StateGraph(model);
        CheckRunner.Run(model, new ExplicitEngine { Observer = graph }, [], [], new CheckOptions { Symmetry = false });
        return graph;
    }

    [Fact]
    public void A_cycle_is_one_component_with_no_way_out()
    {
        var graph = Explore("var x: 0 .. 3 = 0\naction tick do if x = 3 then x := 0 else x := x + 1 end end");

        Assert.Equal(4, graph.Graph.VertexCount);
        Assert.Equal(4, graph.Graph.EdgeCount);
        Assert.Equal(1, graph.Components(out _));
        Assert.Single(graph.BottomComponents());
    }

    [Fact]
    public void A_chain_into_a_loop_has_transient_components_and_one_bottom()
    {
        var graph = Explore("var x: 0 .. 3 = 0\naction step do if x < 3 then x := x + 1 end end");

        Assert.Equal(4, graph.Components(out var component));
        var bottom = Assert.Single(graph.BottomComponents());
        Assert.Equal(component[3], bottom);
    }

    [Fact]
    public void Dot_output_names_every_state_and_action()
    {
        var dot = Explore("var x: 0 .. 1 = 0\naction flip do x := 1 - x end").ToDot();

        Assert.Contains("s0 [label=\"initial\"];", dot);
        Assert.Contains("s1 [label=\"#1\\nx = 1\"];", dot);
        Assert.Contains("s0 -> s1 [label=\"flip\"];", dot);
        Assert.Contains("s1 -> s0 [label=\"flip\"];", dot);
    }

    // Issue 22: graph kept every state for its labels outside the memory budget.
    [Fact]
    public void The_graph_counts_what_it_keeps_of_each_state_in_the_memory_limit()
    {
        var r = CliProcess.Run("graph", "--variant", "v3", "--const", "CPUS=3", "--const", "IRQS=3", "--max-states", "10000000", "--max-memory", "8M", "--out", Path.Combine(Directory.CreateTempSubdirectory("hvmodel-graph").FullName, "g.dot"));

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("the graph is CUT (memory limit reached", r.Stderr + r.Stdout);
    }
}
