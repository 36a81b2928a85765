using HvModel.Core.Ir;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// Records the explored graph for a liveness check: each state, its depth and the search's
/// predecessor, and every transition with its instance and, under symmetry, its renaming. The
/// search expands states in order, so the transitions arrive state after state and go into one
/// array with where each state's begin (<see cref="LivenessGraph"/>'s rows), not a list each.
/// </summary>
internal sealed class LivenessRecorder(Model model) : IRenamingObserver
{
    private readonly InstanceNumbering numbering = new(model);
    private readonly List<int> start = [];
    private Step[] steps = new Step[1024];
    private int count;
    private LivenessGraph? graph;

    public List<int[]> States { get; } = [];

    public List<int> Depth { get; } = [];

    public List<int> Predecessor { get; } = [];

    public List<int> Initial { get; } = [];

    /// <summary>The renamings met (only the identity without symmetry).</summary>
    public Renamings Renamings { get; private set; } = Renamings.None;

    public long RetainedBytes => (States.Count * ((model.Slots.Length * 4L) + 96)) + (steps.Length * 12L);

    public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state)
    {
        while (States.Count <= index)
        {
            States.Add([]);
            Depth.Add(0);
            Predecessor.Add(-1);
        }

        States[index] = state.ToArray();
        Depth[index] = depth;
        Predecessor[index] = predecessor;
        if (predecessor < 0)
        {
            Initial.Add(index);
        }
    }

    public void Reduces(Symmetry symmetry) => Renamings = new Renamings(model, symmetry);

    public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args) => Add(from, new Step(to, numbering.Of(action, args)));

    public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args, int[][] renaming) =>
        Add(from, new Step(to, numbering.Of(action, args), Renamings.Intern(renaming)));

    /// <summary>
    /// The graph, over the transitions as recorded: one that repeats (two outcomes of an action
    /// alike) changes no component, no enabled set and no orbit, so none is removed.
    /// </summary>
    public LivenessGraph Graph()
    {
        if (graph is null)
        {
            while (start.Count <= States.Count)
            {
                start.Add(count);
            }

            var fairness = model.Actions.SelectMany(a => Enumerable.Repeat(model.Fairness.GetValueOrDefault(a, Fairness.None), a.InstanceCount)).ToArray();
            graph = new LivenessGraph(fairness, Renamings, steps, [.. start]);
        }

        return graph;
    }

    /// <summary>The instance with that model-wide number.</summary>
    public ActionInstance Instance(int number) => numbering.Instance(number);

    /// <summary>The search's shortest path from an initial state to <paramref name="state"/>: its states and transitions.</summary>
    public (List<int> States, List<Step> Steps) PathTo(int state)
    {
        var states = new List<int> { state };
        var path = new List<Step>();
        while (Predecessor[states[^1]] is var pred and >= 0)
        {
            var to = states[^1];
            path.Add(Graph().Successors(pred).First(e => e.To == to));
            states.Add(pred);
        }

        states.Reverse();
        path.Reverse();
        return (states, path);
    }

    private void Add(int from, Step step)
    {
        // Rows end where the next state's transitions begin (a state without any has an empty row).
        if (from < start.Count - 1)
        {
            throw new InvalidOperationException($"liveness: a transition from state {from} came after those of state {start.Count - 1}");
        }

        while (start.Count <= from)
        {
            start.Add(count);
        }

        if (count == steps.Length)
        {
            Array.Resize(ref steps, steps.Length * 2);
        }

        steps[count++] = step;
    }
}
