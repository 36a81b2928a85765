using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Watches a breadth-first exploration without the search knowing what for (QuikGraph's
/// observers): state-graph export and the tests' checks of BFS invariants use it.
/// </summary>
public interface IExplorationObserver
{
    /// <summary>A new state was stored; <paramref name="predecessor"/> is -1 for an initial state.</summary>
    void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state);

    /// <summary>
    /// A transition from a stored state to a stored state (new or seen before) by the instance of
    /// <paramref name="action"/> with <paramref name="args"/> (one value per parameter; the
    /// search reuses the buffer, so an observer that keeps them copies them). The instance, not
    /// only the action's name: a graph tells <c>lookup(c=Cpu0)</c> from <c>lookup(c=Cpu1)</c>.
    /// </summary>
    void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args);

    /// <summary>
    /// About how many bytes the observer holds for what it has seen: the search counts them in
    /// its memory budget beside the visited set's, so that keeping every state costs a limit,
    /// not the machine.
    /// </summary>
    long RetainedBytes => 0;
}
