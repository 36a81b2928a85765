using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Explicit.Review;

/// <summary>
/// The reachable state graph of one variant, explored breadth-first through the evaluator
/// without symmetry reduction (so every action instance is seen with its own arguments): the
/// states, and every transition labelled with its action instance. Small models only: the
/// gate's questions (coverage, vacuity, a hunk's effect) need the whole graph.
/// </summary>
public sealed class ReachableGraph
{
    private readonly Dictionary<int[], int> index = new(StateEquality.Instance);

    private ReachableGraph()
    {
    }

    public List<int[]> States { get; } = [];

    /// <summary>Transitions as (from, action instance, to).</summary>
    public HashSet<(int From, ActionInstance Instance, int To)> Edges { get; } = [];

    /// <summary>Why the exploration stopped before the end (a limit), or null when it is complete.</summary>
    public string? Incomplete { get; private set; }

    /// <summary>
    /// The graph of every reachable state, within the options' limits: <see cref="CheckOptions.MaxStates"/>,
    /// the deadline (or <see cref="CheckOptions.Timeout"/> from now), cancellation and
    /// <see cref="CheckOptions.MaxMemoryBytes"/>; a limit hit leaves it incomplete, with the reason.
    /// </summary>
    public static ReachableGraph Explore(Model model, Variant variant, CheckOptions options)
    {
        options = options.StartClock();
        var g = new ReachableGraph();
        var semantics = new Semantics(model, variant);
        try
        {
            semantics.InitialStates(s => g.Add(s));
        }
        catch (ModelRuntimeError)
        {
            return g;
        }

        if (g.States.Count == 0)
        {
            throw InitialStateCheck.Refused(model, variant);
        }

        for (var i = 0; i < g.States.Count; i++)
        {
            if (g.States.Count > options.MaxStates)
            {
                g.Incomplete = $"state limit reached ({options.MaxStates} states)";
                break;
            }

            if ((i & 255) == 0 && Exceeded(options) is { } reason)
            {
                g.Incomplete = reason;
                break;
            }

            var from = i;
            semantics.Successors(g.States[i], (action, args, next) => g.Edges.Add((from, action.Instance(args), g.Add(next))), RunObserver.IgnoringErrors);
        }

        return g;
    }

    private static string? Exceeded(CheckOptions options) =>
        options.Deadline is { } end && DateTime.UtcNow > end ? $"time limit reached ({options.Timeout?.TotalSeconds ?? 0:0.#} s for the whole run)"
        : options.Cancellation.IsCancellationRequested ? "cancelled"
        : options.MaxMemoryBytes is { } max && GC.GetTotalMemory(forceFullCollection: false) > max ? $"memory limit reached (--max-memory {max >> 20} MiB)"
        : null;

    public int? IndexOf(int[] state) => index.TryGetValue(state, out var i) ? i : null;

    private int Add(int[] state)
    {
        if (!index.TryGetValue(state, out var i))
        {
            i = States.Count;
            var copy = (int[])state.Clone();
            States.Add(copy);
            index[copy] = i;
        }

        return i;
    }

    /// <summary>True when both graphs have the same states and the same labelled transitions.</summary>
    public bool SameAs(ReachableGraph other)
    {
        if (other.States.Count != States.Count || other.Edges.Count != Edges.Count || other.Incomplete is not null || Incomplete is not null)
        {
            return false;
        }

        if (other.States.Any(s => IndexOf(s) is null))
        {
            return false;
        }

        foreach (var (from, instance, to) in other.Edges)
        {
            if (IndexOf(other.States[from]) is not { } f || IndexOf(other.States[to]) is not { } t || !Edges.Contains((f, instance, t)))
            {
                return false;
            }
        }

        return true;
    }
}
