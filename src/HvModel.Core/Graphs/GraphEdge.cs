using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Graphs;

/// <summary>
/// The transitions of one action from one state to one state. The instances that make them
/// (<c>use(c=Cpu0)</c> and <c>use(c=Cpu1)</c> both leave a state where both CPUs hold the object
/// as it is) share the edge, so that a drawing shows one arrow where a reader sees one step,
/// and an edge is still an action: refcount's buggy variant has 77 edges for 79 instances.
/// </summary>
/// <param name="Id">The edge's number, in the order of <see cref="ExploredGraph.Edges"/>.</param>
/// <param name="From">The source state's id.</param>
/// <param name="To">The target state's id.</param>
/// <param name="Instances">At least one; all of the one action, in the order of their ordinals.</param>
public sealed record GraphEdge(int Id, int From, int To, ImmutableArray<ActionInstance> Instances)
{
    public ActionDef Action => Instances[0].Action;
}
