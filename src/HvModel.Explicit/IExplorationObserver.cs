namespace HvModel.Explicit;

/// <summary>
/// Watches a breadth-first exploration without the search knowing what for (QuikGraph's
/// observers): state-graph export and the tests' checks of BFS invariants use it.
/// </summary>
public interface IExplorationObserver
{
    /// <summary>A new state was stored; <paramref name="predecessor"/> is -1 for an initial state.</summary>
    void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state);

    /// <summary>A transition from a stored state to a stored state (new or seen before).</summary>
    void ExamineTransition(int from, int to, string action);

    /// <summary>
    /// About how many bytes the observer holds for what it has seen: the search counts them in
    /// its memory budget beside the visited set's, so that keeping every state costs a limit,
    /// not the machine.
    /// </summary>
    long RetainedBytes => 0;
}
