using System.Collections.Immutable;

namespace HvModel.Core.Graphs;

/// <summary>
/// A state of an <see cref="ExploredGraph"/>: its values (one per slot of the model, as traces
/// keep them), where the search met it, and what is known of it.
/// </summary>
/// <param name="Id">The state's number: the order in which the search stored it, 0 first.</param>
/// <param name="Values">One value per slot (<see cref="Ir.Model.Slots"/>).</param>
/// <param name="Depth">The length of a shortest path from an initial state.</param>
/// <param name="Component">The strongly connected component it belongs to (<see cref="ExploredGraph.Components"/>).</param>
public sealed record GraphState(int Id, ImmutableArray<int> Values, int Depth, int Component)
{
    /// <summary>An outcome of the model's init block.</summary>
    public bool Initial => Depth == 0;

    /// <summary>
    /// The invariants of the model that do not hold here, in the variant of the graph, in the
    /// model's order. An invariant that cannot be evaluated here (a model error, which check
    /// reports at this state) is among them.
    /// </summary>
    public ImmutableArray<string> Violates { get; init; } = [];

    /// <summary>
    /// No action is enabled here: a run that comes here stops. Never set in a cut graph, whose
    /// states the search did not expand have no successor known either.
    /// </summary>
    public bool DeadEnd { get; init; }
}
