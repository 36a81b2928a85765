using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Every reachable state of one variant, as the explicit engine finds them (compiled successors,
/// symmetry reduction: one representative per orbit, which is all a formula closed under the
/// symmetry needs). Prove samples its candidate lemmas here, and certificates evaluate claimed
/// invariants on them. A model error on the way is thrown as the engine throws it.
/// </summary>
public sealed class ReachableStates
{
    private ReachableStates(List<int[]> states, bool complete, string? stopReason, double seconds)
    {
        States = states;
        Complete = complete;
        StopReason = stopReason;
        Seconds = seconds;
    }

    public IReadOnlyList<int[]> States { get; }

    /// <summary>False when a limit stopped the exploration (the states are then a subset).</summary>
    public bool Complete { get; }

    public string? StopReason { get; }

    public double Seconds { get; }

    public static ReachableStates Explore(Model model, Variant variant, CheckOptions options)
    {
        var collector = new Collector();
        var engine = new ExplicitEngine { Observer = collector };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        engine.Check(model, variant, [], options with { CheckDeadlock = false, Exhaustive = true });
        var stats = engine.LastStats;
        return new ReachableStates(collector.States, stats?.Complete ?? false, stats?.Stopped, watch.Elapsed.TotalSeconds);
    }

    private sealed class Collector : IExplorationObserver
    {
        public List<int[]> States { get; } = [];

        public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state) => States.Add(state.ToArray());

        public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args)
        {
        }
    }
}
