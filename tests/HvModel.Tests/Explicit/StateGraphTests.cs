using HvModel.Core.Checking;
using HvModel.Core.Graphs;
using HvModel.Explicit;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

/// <summary>The graph the explicit engine builds for the reports: components, ends, violations, counterexample paths.</summary>
public class StateGraphTests
{
    public static ExploredGraph Explore(string text, string? variant = null)
    {
        var model = Check.Load(text);
        return ExploreModel(model, variant ?? model.Variants[0].Name);
    }

    public static ExploredGraph ExploreModel(HvModel.Core.Ir.Model model, string variant)
    {
        var recorder = new StateGraph(model);
        var results = CheckRunner.Run(model, new ExplicitEngine { Observer = recorder }, [variant], [], new CheckOptions { Symmetry = false, Exhaustive = true });
        return recorder.Build(model.GetVariant(variant), null, symmetry: false, results);
    }

    [Fact]
    public void A_cycle_is_one_terminal_component_and_no_dead_end()
    {
        var graph = Explore("var x: 0 .. 3 = 0\naction tick do if x = 3 then x := 0 else x := x + 1 end end");

        Assert.Equal(4, graph.States.Length);
        Assert.Equal(4, graph.Edges.Length);
        var component = Assert.Single(graph.Components);
        Assert.True(component.Terminal);
        Assert.Equal(0, graph.DeadEnds);
        Assert.Equal(1, graph.TerminalComponents);
    }

    [Fact]
    public void A_chain_into_a_self_loop_has_transient_components_and_one_terminal()
    {
        var graph = Explore("var x: 0 .. 3 = 0\naction step do if x < 3 then x := x + 1 end end");

        Assert.Equal(4, graph.Components.Length);
        var terminal = Assert.Single(graph.Components, c => c.Terminal);
        Assert.Equal(graph.States.Single(s => s.Values[0] == 3).Component, terminal.Id);

        // The last state loops on itself: a terminal component, not a dead end.
        Assert.Equal(0, graph.DeadEnds);
    }

    [Fact]
    public void A_state_without_successor_is_a_dead_end_and_a_terminal_component()
    {
        var graph = Explore("var x: 0 .. 2 = 0\naction step when x < 2 do x := x + 1 end\nallow deadlock");

        Assert.Equal(1, graph.DeadEnds);
        Assert.Equal(1, graph.TerminalComponents);
        Assert.True(graph.States.Single(s => s.Values[0] == 2).DeadEnd);
    }

    [Fact]
    public void Edges_carry_the_instances_and_instances_between_the_same_states_share_one()
    {
        // Either process's poke leaves the state as it is: one self-loop with two instances.
        var graph = Explore("type P = scalarset(2)\nvar n: 0 .. 1 = 0\naction poke(p: P) do skip end\naction set(p: P) when n = 0 do n := 1 end");

        var loop = graph.Edges.Single(e => e.From == 0 && e.To == 0);
        Assert.Equal(["poke(p=P0)", "poke(p=P1)"], loop.Instances.Select(i => i.ToString()));
        var set = graph.Edges.Single(e => e.From == 0 && e.To == 1);
        Assert.Equal(2, set.Instances.Length);
        Assert.Equal(6, graph.Transitions);
        Assert.Equal(3, graph.Edges.Length);
    }

    [Fact]
    public void States_name_the_invariants_they_violate_and_the_counterexample_is_a_path_of_edges()
    {
        var graph = Explore("var x: 0 .. 3 = 0\naction up when x < 3 do x := x + 1 end\naction reset do x := 0 end\ninvariant small: x < 2\ninvariant tiny: x < 3");

        Assert.Equal(["small"], graph.States.Single(s => s.Values[0] == 2).Violates.ToArray());
        Assert.Equal(["small", "tiny"], graph.States.Single(s => s.Values[0] == 3).Violates.ToArray());
        var path = Assert.Single(graph.Counterexamples, p => p.Property == "small");
        Assert.Equal([0, 1, 2], path.States.Select(s => graph.States[s].Values[0]));
        Assert.All(path.Edges.Select((e, k) => (graph.Edges[e], k)), p => Assert.Equal((path.States[p.k], path.States[p.k + 1]), (p.Item1.From, p.Item1.To)));
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
