using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

/// <summary>
/// Issue 14 item 1 and issue 13 defect 6: the search used to stop once every property had a
/// verdict, so `graph` drew a cut graph without saying so and a model with no property stopped
/// after its initial state.
/// </summary>
public class CompleteSearchTests
{
    private const string Refcount = "tests/models/violated/refcount.hvm";

    [Fact]
    public void Graph_of_the_refcount_model_is_complete_31_states_77_edges_2_dead_ends()
    {
        var r = CliProcess.Run("graph", Refcount, "--variant", "buggy");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("buggy: 31 states, 77 edges (81 transitions), ", r.Stderr);
        Assert.Contains("; 2 dead ends (states without a successor), 2 terminal components", r.Stderr);
        Assert.DoesNotContain("CUT", r.Stdout);
    }

    [Fact]
    public void The_graph_does_not_depend_on_which_properties_the_model_has()
    {
        var model = Check.LoadFile(Refcount);
        var withTrue = Check.Load(File.ReadAllText(Repo.Path(Refcount)) + "\ninvariant always: true");

        var (states, edges) = GraphOf(model);
        var (statesWithTrue, edgesWithTrue) = GraphOf(withTrue);

        Assert.Equal((31, 77), (states, edges));
        Assert.Equal((statesWithTrue, edgesWithTrue), (states, edges));
    }

    [Fact]
    public void A_graph_cut_at_the_state_limit_says_so_and_counts_no_dead_ends()
    {
        var r = CliProcess.Run("graph", Refcount, "--variant", "buggy", "--max-states", "10");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("buggy: 10 states", r.Stderr);
        Assert.Contains("the graph is CUT (state limit reached (10 states))", r.Stderr);
        Assert.Contains("neither dead ends nor terminal components are counted", r.Stderr);
        Assert.DoesNotContain("dead ends (", r.Stderr);
        Assert.Contains("CUT: state limit reached (10 states); only part of the reachable states is drawn", r.Stdout);
    }

    [Fact]
    public void The_refcount_model_checks_as_its_expect_table_says()
    {
        var results = Check.Explicit(Check.LoadFile(Refcount));

        Assert.All(results, r => Assert.False(r.Differs, $"{r.Variant} / {r.Property}: {r.Verdict}"));
        Assert.Equal(Verdict.Violated, Check.Result(results, "buggy", "no_uaf").Verdict);
        Assert.Equal(Verdict.Violated, Check.Result(results, "buggy", "holder_live").Verdict);
        Assert.Equal(Verdict.Holds, Check.Result(results, "fixed", "no_uaf").Verdict);
        Assert.Equal(Verdict.Holds, Check.Result(results, "fixed", "released").Verdict);
        Assert.Equal(0, CheckRunner.ExitCode(results));
    }

    [Fact]
    public void A_model_with_no_property_is_explored_and_counted_in_full()
    {
        var engine = new ExplicitEngine();

        var results = CheckRunner.Run(Check.LoadFile("tests/models/explore/no_property.hvm"), engine, [], [], new CheckOptions());

        Assert.Equal(10, engine.LastStats!.States);
        Assert.Equal(9, engine.LastStats.Transitions);
        Assert.True(engine.LastStats.Complete);
        var line = Assert.Single(results);
        Assert.Equal(Verdict.NotChecked, line.Verdict);
        Assert.Equal((10L, true), (line.States, line.Complete));
    }

    [Fact]
    public void Stats_of_a_model_with_no_property_count_every_state()
    {
        var r = CliProcess.Run("check", "tests/models/explore/no_property.hvm", "--stats");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("default: 10 states, 9 transitions, depth 9, deadlock not checked", r.Stdout);
        Assert.Contains("default: 10 states, 4 bits/state", r.Stdout);
    }

    [Fact]
    public void Check_stops_at_the_last_verdict_and_its_counts_say_they_are_partial()
    {
        var r = CliProcess.Run("check", Refcount, "--format", "json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var complete = doc.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(e => (e.GetProperty("variant").GetString(), e.GetProperty("property").GetString()), e => e.GetProperty("complete").GetBoolean());
        Assert.False(complete[("buggy", "no_uaf")]);
        Assert.True(complete[("fixed", "no_uaf")]);

        var text = CliProcess.Run("check", Refcount).Stdout;
        Assert.Contains("buggy: 17 states, 35 transitions, depth 4 (a partial search: it stopped once every verdict was known)", text);
        Assert.Matches(@"fixed: 12 states, 34 transitions, depth 5, [0-9.]+ s", text);
    }

    private static (int States, int Edges) GraphOf(Model model)
    {
        var graph = StateGraphTests.ExploreModel(model, "buggy");
        return (graph.States.Length, graph.Edges.Length);
    }
}
