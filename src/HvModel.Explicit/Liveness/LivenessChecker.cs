using Stopwatch = System.Diagnostics.Stopwatch;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// Checks a variant's liveness properties on its whole state graph, explored without symmetry
/// (a property need not be symmetric), under the model's fairness: each property becomes a
/// search for a fair behaviour that breaks it (<see cref="FairBehaviours"/>), and a behaviour
/// found is replayed through the evaluator, step by step, as every trace is.
/// </summary>
public static class LivenessChecker
{
    public static IReadOnlyList<LivenessResult> Check(Model model, Variant variant, CheckOptions options) =>
        Check(model, variant, model.Liveness, options);

    /// <summary>The <paramref name="properties"/> chosen among the model's liveness properties.</summary>
    public static IReadOnlyList<LivenessResult> Check(Model model, Variant variant, IReadOnlyList<LivenessDef> properties, CheckOptions options)
    {
        var watch = Stopwatch.StartNew();
        var recorder = new Recorder(model);
        var engine = new ExplicitEngine { Observer = recorder };
        // The exploration shows its progress as check's does: a graph for liveness can be large.
        engine.Check(model, variant, [], options with { Symmetry = false, Exhaustive = true, CheckDeadlock = false });
        var stats = engine.LastStats;
        if (stats is null || stats.Stopped is not null)
        {
            var why = stats?.Stopped ?? "the exploration did not start";
            return [.. properties.Select(p => new LivenessResult(variant.Name, p, Verdict.Unknown, recorder.States.Count, watch.Elapsed.TotalSeconds, $"the state graph is incomplete: {why}") { Expected = model.Expected(variant.Name, p.Name) })];
        }

        var graph = recorder.Graph();
        var semantics = new Semantics(model, variant);
        var results = new List<LivenessResult>();
        foreach (var property in properties)
        {
            var p = recorder.States.Select(s => semantics.Evaluate(property.P, s) != 0).ToArray();
            var q = property.Q is null ? null : recorder.States.Select(s => semantics.Evaluate(property.Q, s) != 0).ToArray();
            var lasso = Search(graph, recorder, property.Form, p, q);
            var result = lasso is null
                ? new LivenessResult(variant.Name, property, Verdict.Holds, recorder.States.Count, watch.Elapsed.TotalSeconds)
                : Violated(semantics, recorder, property, lasso, watch.Elapsed.TotalSeconds);
            results.Add(result with { Expected = model.Expected(variant.Name, property.Name) });
        }

        return results;
    }

    /// <summary>A fair behaviour that breaks the property, by its form.</summary>
    private static Lasso? Search(LivenessGraph g, Recorder r, LivenessForm form, bool[] p, bool[]? q)
    {
        var all = Enumerable.Range(0, g.StateCount);
        var initial = r.Initial.Select(s => (s, 0));
        return form switch
        {
            // Somewhere p and not q, then never q.
            LivenessForm.LeadsTo => FairBehaviours.Find(g, all.Where(s => p[s] && !q![s]).Select(s => (s, r.Depth[s])), s => !q![s]),

            // Somewhere not p, then never p.
            LivenessForm.AlwaysEventually => FairBehaviours.Find(g, all.Where(s => !p[s]).Select(s => (s, r.Depth[s])), s => !p[s]),

            // Never p, from the start.
            LivenessForm.Eventually => FairBehaviours.Find(g, initial, s => !p[s]),

            // Not p again and again.
            _ => FairBehaviours.Find(g, initial, _ => true, s => !p[s]),
        };
    }

    /// <summary>The violation, its lasso told from an initial state and replayed through the evaluator.</summary>
    private static LivenessResult Violated(Semantics semantics, Recorder r, LivenessDef property, Lasso lasso, double seconds)
    {
        var (states, instances) = r.PathTo(lasso.Stem[0]);
        states.AddRange(lasso.Stem.Skip(1));
        instances.AddRange(lasso.StemInstances);
        var cycleStart = lasso.Stutters ? (int?)null : states.Count - 1;
        states.AddRange(lasso.Cycle);
        instances.AddRange(lasso.CycleInstances);

        var steps = new List<TraceStep> { TraceStep.Initial(r.States[states[0]]) };
        for (var i = 1; i < states.Count; i++)
        {
            var instance = r.Instance(instances[i - 1]);
            steps.Add(new TraceStep(instance.Action, instance.Args, [.. r.States[states[i]]], []));
        }

        var trace = TraceReplayer.Replay(semantics, new Trace([.. steps]), null);
        LassoCheck.Confirm(semantics, property, trace, cycleStart);
        return new LivenessResult(semantics.Variant.Name, property, Verdict.Violated, r.States.Count, seconds, Lasso: trace, CycleStart: cycleStart);
    }

    /// <summary>Records the explored graph: each state, its depth, and every transition with its instance.</summary>
    private sealed class Recorder(Model model) : IExplorationObserver
    {
        private readonly List<List<(int To, int Instance)>> successors = [];
        private readonly InstanceNumbering numbering = new(model);

        public List<int[]> States { get; } = [];

        public List<int> Depth { get; } = [];

        public List<int> Predecessor { get; } = [];

        public List<int> Initial { get; } = [];


        public long RetainedBytes => States.Count * ((model.Slots.Length * 4L) + 96);

        public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state)
        {
            while (States.Count <= index)
            {
                States.Add([]);
                Depth.Add(0);
                Predecessor.Add(-1);
                successors.Add([]);
            }

            States[index] = state.ToArray();
            Depth[index] = depth;
            Predecessor[index] = predecessor;
            if (predecessor < 0)
            {
                Initial.Add(index);
            }
        }

        public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args) =>
            successors[from].Add((to, numbering.Of(action, args.ToArray())));

        public LivenessGraph Graph()
        {
            var g = new LivenessGraph(States.Count, [.. model.Actions.SelectMany(a => Enumerable.Repeat(model.Fairness.GetValueOrDefault(a, Fairness.None), a.InstanceCount))]);
            for (var u = 0; u < successors.Count; u++)
            {
                foreach (var (to, instance) in successors[u].Distinct())
                {
                    g.AddTransition(u, to, instance);
                }
            }

            return g;
        }

        /// <summary>The instance with that model-wide number.</summary>
        public ActionInstance Instance(int number) => numbering.Instance(number);

        /// <summary>The search's shortest path from an initial state to <paramref name="state"/>.</summary>
        public (List<int> States, List<int> Instances) PathTo(int state)
        {
            var states = new List<int> { state };
            var instances = new List<int>();
            while (Predecessor[states[^1]] is var pred and >= 0)
            {
                var to = states[^1];
                instances.Add(successors[pred].First(e => e.To == to).Instance);
                states.Add(pred);
            }

            states.Reverse();
            instances.Reverse();
            return (states, instances);
        }
    }
}
