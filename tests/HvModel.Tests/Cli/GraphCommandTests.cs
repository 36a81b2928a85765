using HvModel.Reports;
using HvModel.Tests.Export;

namespace HvModel.Tests.Cli;

/// <summary>
/// Issue 26: <c>graph</c> writes DOT worth drawing (edges with their arguments, violations and
/// counterexamples marked, components as clusters, a header that says what the graph is, a
/// layout that scales); graphviz draws the output here, so a test without it fails, naming
/// ./setup.
/// </summary>
public class GraphCommandTests
{
    private const string Refcount = "tests/models/violated/refcount.hvm";
    private const string TicketLock = "tests/models/violated/ticketlock.hvm";
    private const string TestAndSet = "tests/models/violated/test_and_set.hvm";

    // Issue 26: a deadlock-free ticket lock was said to have "1 without a way out": the
    // summary counted terminal components, the one the lock cycles in among them, as dead ends.
    [Fact]
    public void A_deadlock_free_ticket_lock_has_no_dead_end_and_one_terminal_component()
    {
        var r = CliProcess.Run("graph", TicketLock, "--variant", "fixed");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("; 0 dead ends (states without a successor), 1 terminal component (no edge leaves it", r.Stderr);
        Assert.DoesNotContain("without a way out", r.Stderr);
    }

    [Fact]
    public void A_model_that_deadlocks_has_its_dead_ends_counted_apart_from_its_cycles()
    {
        var r = CliProcess.Run("graph", TicketLock, "--variant", "racy");

        Assert.Contains("racy: 206 states, 368 edges", r.Stderr);
        Assert.Contains("; 2 dead ends (states without a successor), 2 terminal components", r.Stderr);
    }

    [Fact]
    public void The_refcount_dot_draws_without_a_warning_and_marks_what_it_found()
    {
        var file = Output("refcount.dot");

        var r = CliProcess.Run("graph", Refcount, "--variant", "buggy", "--out", file);

        Assert.Equal(0, r.ExitCode);
        var dot = File.ReadAllText(file);
        Assert.Contains("// symmetry not applied: every state as it is", dot);
        Assert.Contains("complete: every reachable state", dot);
        Assert.Contains("[label=\"lookup(c=Cpu0)\"", dot);
        Assert.Contains("label=\"use(c=Cpu0)\\nuse(c=Cpu1)\"", dot);
        Assert.Contains("violates no_uaf, holder_live\"", dot);
        Assert.Contains("fillcolor=\"#f4cccc\"", dot);
        Assert.Contains("red path: shortest counterexample to no_uaf (4 steps)", dot);
        Assert.Contains("subgraph cluster_c0 { label=\"component 0: 9 states\"", dot);
        Assert.DoesNotContain("layout=sfdp", dot);
        Draw(file);
    }

    [Fact]
    public void A_graph_of_more_edges_than_dot_lays_out_quickly_asks_for_sfdp_and_draws()
    {
        // test_and_set with four processes: 145 states, 580 edges; dot took more than 3 minutes.
        var file = Output("tas4.dot");

        var r = CliProcess.Run("graph", TestAndSet, "--const", "N=4", "--out", file);

        Assert.Contains("580 edges", r.Stderr);
        var dot = File.ReadAllText(file);
        Assert.Contains($"// layout: sfdp (set below), as for every graph of more than {GraphDot.DotLayoutEdges} edges", dot);
        Assert.Contains("  layout=sfdp;", dot);
        Assert.DoesNotContain("subgraph cluster", dot);
        Draw(file);
    }

    private static string Output(string name) => Path.Combine(Directory.CreateTempSubdirectory("hvmodel-graph").FullName, name);

    /// <summary>Draws a DOT file with <c>dot -Tsvg</c>, as the header says to: no error and not one warning.</summary>
    private static void Draw(string file)
    {
        var (_, svg, warnings) = PeerTool.Run(Path.GetDirectoryName(file)!, "dot", ["-Tsvg", file], "graphviz, to draw the graphs");
        Assert.Equal("", warnings);
        Assert.Contains("<svg", svg);
    }
}
