using System.Collections.Immutable;

namespace HvModel.Core.Graphs;

/// <summary>
/// A counterexample drawn on an <see cref="ExploredGraph"/>: the states and the edges of the
/// trace check gives for one violated invariant (or for deadlock).
/// </summary>
/// <param name="Property">The invariant violated, or <see cref="Ir.Model.DeadlockProperty"/>.</param>
/// <param name="States">State ids, from an initial state to the violating one.</param>
/// <param name="Edges">Edge ids, one per step: <c>Edges[i]</c> leads from <c>States[i]</c> to <c>States[i + 1]</c>.</param>
public sealed record GraphPath(string Property, ImmutableArray<int> States, ImmutableArray<int> Edges);
