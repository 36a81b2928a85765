using HvModel.Core.Ir;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// A transition of a <see cref="LivenessGraph"/>: to a state, by an action instance (its
/// model-wide ordinal, as taken from the state it leaves), and under symmetry the renaming (a
/// number in the graph's <see cref="Renamings"/>) that took the concrete successor to the stored
/// state <paramref name="To"/>; 0, the identity, without symmetry.
/// </summary>
public readonly record struct Step(int To, int Instance, int Renaming = 0);

/// <summary>
/// A finite state graph for liveness: states 0..N-1, transitions labelled by an action
/// instance, and each instance's fairness. An instance is enabled in a state when the state has
/// a transition labelled by it. Explored under symmetry, a state stands for its orbit and each
/// transition carries the renaming that leads into the stored state (see <see cref="QuotientFrames"/>).
/// </summary>
public sealed class LivenessGraph
{
    private readonly List<Step>[] successors;

    public LivenessGraph(int stateCount, IReadOnlyList<Fairness> fairness, Renamings? renamings = null)
        : this(fairness, renamings ?? Renamings.None, [.. Enumerable.Range(0, stateCount).Select(_ => new List<Step>())])
    {
    }

    /// <summary>A graph over the transitions recorded already, one list per state (kept, not copied: a graph may have millions).</summary>
    internal LivenessGraph(IReadOnlyList<Fairness> fairness, Renamings renamings, List<Step>[] successors)
    {
        this.successors = successors;
        StateCount = successors.Length;
        Fairness = fairness;
        Renamings = renamings;
    }

    public int StateCount { get; }

    /// <summary>The fairness of each instance, by ordinal.</summary>
    public IReadOnlyList<Fairness> Fairness { get; }

    /// <summary>The renamings the transitions carry (only the identity without symmetry).</summary>
    public Renamings Renamings { get; }

    public void AddTransition(int from, int to, int instance, int renaming = 0) => successors[from].Add(new Step(to, instance, renaming));

    public IReadOnlyList<Step> Successors(int state) => successors[state];

    /// <summary>Whether <paramref name="instance"/> is enabled in <paramref name="state"/>.</summary>
    public bool Enabled(int state, int instance) => successors[state].Exists(s => s.Instance == instance);

    /// <summary>The fair instances (weak or strong) enabled in a state.</summary>
    public IEnumerable<int> FairEnabled(int state) =>
        successors[state].Select(s => s.Instance).Distinct().Where(i => Fairness[i] != Core.Ir.Fairness.None);
}
