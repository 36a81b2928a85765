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
    // The transitions of state s are steps[start[s] .. start[s + 1]): one array for millions of
    // them. A graph built transition by transition keeps a list per state until it is first read.
    private Step[] steps = [];
    private int[] start = [];
    private List<Step>[]? building;

    // Each state's fair enabled instances, worked out once: every property's search asks.
    private int[]?[]? fairEnabled;

    public LivenessGraph(int stateCount, IReadOnlyList<Fairness> fairness, Renamings? renamings = null)
    {
        building = [.. Enumerable.Range(0, stateCount).Select(_ => new List<Step>())];
        StateCount = stateCount;
        Fairness = fairness;
        Renamings = renamings ?? Renamings.None;
    }

    /// <summary>A graph over transitions recorded already, state after state (kept, not copied).</summary>
    /// <param name="fairness">Each instance's fairness, by ordinal.</param>
    /// <param name="renamings">The renamings the transitions carry.</param>
    /// <param name="steps">The transitions, those of each state together, states in order.</param>
    /// <param name="start">Where each state's transitions begin, and after the last state's, where they end.</param>
    internal LivenessGraph(IReadOnlyList<Fairness> fairness, Renamings renamings, Step[] steps, int[] start)
    {
        this.steps = steps;
        this.start = start;
        StateCount = start.Length - 1;
        Fairness = fairness;
        Renamings = renamings;
    }

    public int StateCount { get; }

    /// <summary>The fairness of each instance, by ordinal.</summary>
    public IReadOnlyList<Fairness> Fairness { get; }

    /// <summary>The renamings the transitions carry (only the identity without symmetry).</summary>
    public Renamings Renamings { get; }

    public void AddTransition(int from, int to, int instance, int renaming = 0) =>
        (building ?? throw new InvalidOperationException("a liveness graph takes no transition once read"))[from].Add(new Step(to, instance, renaming));

    public ArraySegment<Step> Successors(int state)
    {
        if (building is not null)
        {
            Freeze();
        }

        return new(steps, start[state], start[state + 1] - start[state]);
    }

    /// <summary>Whether <paramref name="instance"/> is enabled in <paramref name="state"/>.</summary>
    public bool Enabled(int state, int instance)
    {
        foreach (var step in Successors(state))
        {
            if (step.Instance == instance)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fair instances (weak or strong) enabled in a state, each once.</summary>
    public IReadOnlyList<int> FairEnabled(int state)
    {
        fairEnabled ??= new int[]?[StateCount];
        return fairEnabled[state] ??= [.. Successors(state).Select(s => s.Instance).Distinct().Where(i => Fairness[i] != Core.Ir.Fairness.None)];
    }

    private void Freeze()
    {
        start = new int[building!.Length + 1];
        for (var s = 0; s < building.Length; s++)
        {
            start[s + 1] = start[s] + building[s].Count;
        }

        steps = [.. building.SelectMany(list => list)];
        building = null;
    }
}
