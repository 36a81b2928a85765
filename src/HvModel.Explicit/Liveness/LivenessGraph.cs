using HvModel.Core.Ir;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// A finite state graph for liveness: states 0..N-1, transitions labelled by an action
/// instance (its model-wide ordinal), and each instance's fairness. An instance is enabled in a
/// state when the state has a transition labelled by it.
/// </summary>
public sealed class LivenessGraph(int stateCount, IReadOnlyList<Fairness> fairness)
{
    private readonly List<(int To, int Instance)>[] successors = [.. Enumerable.Range(0, stateCount).Select(_ => new List<(int, int)>())];

    public int StateCount { get; } = stateCount;

    /// <summary>The fairness of each instance, by ordinal.</summary>
    public IReadOnlyList<Fairness> Fairness { get; } = fairness;

    public void AddTransition(int from, int to, int instance) => successors[from].Add((to, instance));

    public IReadOnlyList<(int To, int Instance)> Successors(int state) => successors[state];

    /// <summary>Whether <paramref name="instance"/> is enabled in <paramref name="state"/>.</summary>
    public bool Enabled(int state, int instance) => successors[state].Exists(s => s.Instance == instance);

    /// <summary>The fair instances (weak or strong) enabled in a state.</summary>
    public IEnumerable<int> FairEnabled(int state) =>
        successors[state].Select(s => s.Instance).Distinct().Where(i => Fairness[i] != Core.Ir.Fairness.None);
}
