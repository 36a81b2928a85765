using HvModel.Reports;
using HvModel.Tests.Export;

namespace HvModel.Tests.Cli;

/// <summary>
/// Issue 26: <c>graph</c> writes DOT worth drawing (edges with their arguments, violations and
/// counterexamples marked, components as clusters, a header that says what the graph is, a
/// layout that scales) and GraphML that other readers load; graphviz and Python read the
/// output here, so a test without them fails, naming ./setup.
/// </summary>
public class GraphCommandTests
{
    private const string Refcount = "tests/models/violated/refcount.hvm";
    private const string TicketLock = "tests/models/violated/ticketlock.hvm";
    private const string TestAndSet = "tests/models/violated/test_and_set.hvm";

    // Python's reader, not ours: the graph's node and edge counts, and whether every key comes before the first graph.
    private const string GraphmlCounts = """
        import sys, xml.etree.ElementTree as ET
        ns = "{http://graphml.graphdrawing.org/xmlns}"
        root = ET.parse(sys.argv[1]).getroot()
        tags = [c.tag for c in root]
        keys_first = ns + "graph" not in tags or max(i for i, t in enumerate(tags) if t == ns + "key") < tags.index(ns + "graph")
        for g in root.findall(ns + "graph"):
            print(g.get("id"), len(g.findall(ns + "node")), len(g.findall(ns + "edge")), keys_first)
        """;

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
    public void The_refcount_graphml_loads_in_python_with_31_nodes_and_77_edges()
    {
        var file = Output("refcount.graphml");

        var r = CliProcess.Run("graph", Refcount, "--variant", "buggy", "--format", "graphml", "--out", file);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("buggy 31 77 True\n", Python(file));
    }

    [Fact]
    public void Check_graphml_has_one_graph_per_counterexample_named_by_variant_and_property()
    {
        var file = Output("check.graphml");
        var r = CliProcess.Run("check", Refcount, "--format", "graphml");
        File.WriteAllText(file, r.Stdout);

        // buggy violates both invariants, at depths 4 and 3; fixed violates neither.
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("buggy.no_uaf 5 4 True\nbuggy.holder_live 4 3 True\n", Python(file));
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

    private static string Python(string graphml)
    {
        var script = Path.Combine(Path.GetDirectoryName(graphml)!, "counts.py");
        File.WriteAllText(script, GraphmlCounts);
        return PeerTool.Run(Path.GetDirectoryName(graphml)!, "python3", [script, graphml], "python3, whose xml.etree reads the GraphML").Stdout;
    }

    /// <summary>Draws a DOT file with <c>dot -Tsvg</c>, as the header says to: no error and not one warning.</summary>
    private static void Draw(string file)
    {
        var (_, svg, warnings) = PeerTool.Run(Path.GetDirectoryName(file)!, "dot", ["-Tsvg", file], "graphviz, to draw the graphs");
        Assert.Equal("", warnings);
        Assert.Contains("<svg", svg);
    }
}
