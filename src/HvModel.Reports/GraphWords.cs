using HvModel.Core.Graphs;

namespace HvModel.Reports;

/// <summary>
/// What every rendering of an <see cref="ExploredGraph"/> says of its size, its completeness,
/// its symmetry and its ends: the DOT header, the GraphML description and the graph command's
/// summary take the words from here, so that they cannot tell two stories.
/// </summary>
public static class GraphWords
{
    /// <summary><c>31 states, 77 edges (79 transitions)</c>: transitions counted by action instance when they differ.</summary>
    public static string Size(ExploredGraph g) =>
        $"{g.States.Length} states, {g.Edges.Length} edges{(g.Transitions == g.Edges.Length ? "" : $" ({g.Transitions} transitions)")}";

    /// <summary>The strongly connected components, and how many are worth a cluster.</summary>
    public static string Components(ExploredGraph g) =>
        $"{g.Components.Length} strongly connected components ({g.Components.Count(c => !c.Trivial)} of more than one state)";

    /// <summary>Whether this is every reachable state, or where and why the search stopped.</summary>
    public static string Completeness(ExploredGraph g) =>
        g.Cut is { } why ? $"CUT: {why}; only part of the reachable states is drawn" : "complete: every reachable state";

    /// <summary>Whether a state stands for its permutations over scalarsets.</summary>
    public static string Symmetry(ExploredGraph g) =>
        g.Symmetry
            ? "symmetry applied: each state stands for its permutations over scalarsets"
            : "symmetry not applied: every state as it is, none standing for its permutations";

    /// <summary>
    /// Dead ends and terminal components, counted apart: a system without deadlock has no dead
    /// end but a terminal component all the same (where it cycles for ever). Null for a cut graph,
    /// whose unexplored states have no successor known.
    /// </summary>
    public static string? Ends(ExploredGraph g) => g.DeadEnds is { } deadEnds && g.TerminalComponents is { } terminal
        ? $"{Count(deadEnds, "dead end")} ({(deadEnds == 1 ? "a state" : "states")} without a successor), {Count(terminal, "terminal component")} (no edge leaves {(terminal == 1 ? "it" : "them")}, dead ends included)"
        : null;

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    /// <summary>An edge's action instances, as traces write them (<c>use(c=Cpu0)</c>).</summary>
    public static IEnumerable<string> Calls(GraphEdge e) => e.Instances.Select(i => StateFormatter.ActionCall(i.Action, i.Args));
}
