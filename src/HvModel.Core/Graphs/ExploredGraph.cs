using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Graphs;

/// <summary>
/// The state graph of one variant as an engine explored it, for reports to draw (DOT, GraphML):
/// states with their values, edges with their action instances, the strongly connected
/// components, the counterexamples on it, and whether it is the whole reachable graph. A
/// result, like <see cref="Checking.CheckResult"/>: the engine builds it, no report computes any
/// of it, and it holds no text of any format.
/// </summary>
/// <param name="Model">The model explored.</param>
/// <param name="Variant">The variant explored.</param>
/// <param name="States">Every state, indexed by id.</param>
/// <param name="Edges">Every edge, indexed by id, ordered by source, target and action.</param>
/// <param name="Components">Every strongly connected component, indexed by id.</param>
/// <param name="Counterexamples">One per invariant (or deadlock) check found violated in this variant, in the model's order.</param>
/// <param name="Cut">Why the search stopped before it had every reachable state; null for the whole graph.</param>
/// <param name="Symmetry">
/// Whether states stand for their permutations over scalarsets (one representative each). The
/// graph command explores without: a drawing shows every state as it is.
/// </param>
public sealed record ExploredGraph(
    Model Model,
    string Variant,
    ImmutableArray<GraphState> States,
    ImmutableArray<GraphEdge> Edges,
    ImmutableArray<GraphComponent> Components,
    ImmutableArray<GraphPath> Counterexamples,
    string? Cut,
    bool Symmetry)
{
    /// <summary>Every reachable state is here, with all its edges.</summary>
    public bool Complete => Cut is null;

    /// <summary>Transitions counted by action instance (at least <see cref="Edges"/>' count).</summary>
    public int Transitions => Edges.Sum(e => e.Instances.Length);

    /// <summary>States without a successor; null for a cut graph, whose unexplored states have none known.</summary>
    public int? DeadEnds => Complete ? States.Count(s => s.DeadEnd) : null;

    /// <summary>Components no edge leaves (dead ends among them); null for a cut graph.</summary>
    public int? TerminalComponents => Complete ? Components.Count(c => c.Terminal) : null;
}
