using System.Collections.Immutable;

namespace HvModel.Core.Graphs;

/// <summary>
/// A strongly connected component of an <see cref="ExploredGraph"/>: states that each reach
/// every other.
/// </summary>
/// <param name="Id">The component's number (<see cref="GraphState.Component"/>).</param>
/// <param name="States">The ids of its states, in increasing order.</param>
/// <param name="Terminal">
/// No edge leaves it (a bottom component): a run that enters it stays in it for ever. A dead
/// end is a terminal component of one state; a terminal component of several is where a system
/// without deadlock ends up cycling. Never set in a cut graph, where an edge not explored may
/// leave it.
/// </param>
public sealed record GraphComponent(int Id, ImmutableArray<int> States, bool Terminal)
{
    /// <summary>One state: worth no cluster in a drawing (a self-loop makes it cyclic, not larger).</summary>
    public bool Trivial => States.Length == 1;
}
