using Stopwatch = System.Diagnostics.Stopwatch;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// Checks a variant's liveness properties on its whole state graph under the model's fairness:
/// each property becomes a search for a fair behaviour that breaks it (<see cref="FairBehaviours"/>),
/// and a behaviour found is replayed through the evaluator, step by step, as every trace is.
///
/// The graph is explored with symmetry whenever a check of invariants would be: the binder
/// makes every property symmetric, and fairness is declared per action, so it is symmetric too.
/// The graph then records, on each transition, the renaming into the stored state, and fairness
/// is judged on the lift of each component (<see cref="QuotientFrames"/>), which is exact: a
/// verdict on the quotient is the verdict on the whole graph. A lasso found there is lifted back
/// to concrete states along the renamings before it is replayed.
/// </summary>
public static class LivenessChecker
{
    public static IReadOnlyList<LivenessResult> Check(Model model, Variant variant, CheckOptions options) => Check(model, variant, model.Liveness, options);

    /// <summary>The <paramref name="properties"/> chosen among the model's liveness properties.</summary>
    public static IReadOnlyList<LivenessResult> Check(Model model, Variant variant, IReadOnlyList<LivenessDef> properties, CheckOptions options) =>
        Check(model, variant, properties, options, Symmetry.MaxPermutations);

    /// <summary>As <see cref="Check(Model, Variant, CheckOptions)"/>, with another bound on tie permutations (tests force the heuristic normal form with 1).</summary>
    internal static IReadOnlyList<LivenessResult> Check(Model model, Variant variant, CheckOptions options, int tieLimit) => Check(model, variant, model.Liveness, options, tieLimit);

    private static IReadOnlyList<LivenessResult> Check(Model model, Variant variant, IReadOnlyList<LivenessDef> properties, CheckOptions options, int tieLimit)
    {
        var watch = Stopwatch.StartNew();
        var recorder = new LivenessRecorder(model);
        var engine = new ExplicitEngine { Observer = recorder, SymmetryTieLimit = tieLimit };
        // The exploration shows its progress as check's does: a graph for liveness can be large.
        engine.Check(model, variant, [], options with { Exhaustive = true, CheckDeadlock = false });
        var stats = engine.LastStats;
        if (stats is null || stats.Stopped is not null)
        {
            var why = stats?.Stopped ?? "the exploration did not start";
            return [.. properties.Select(p => new LivenessResult(variant.Name, p, Verdict.Unknown, recorder.States.Count, watch.Elapsed.TotalSeconds, $"the state graph is incomplete: {why}") { Expected = model.Expected(variant.Name, p.Name), Symmetry = !recorder.Renamings.Trivial })];
        }

        var graph = recorder.Graph();
        var semantics = new Semantics(model, variant);
        var results = new List<LivenessResult>();
        foreach (var property in properties)
        {
            var p = recorder.States.Select(s => semantics.Evaluate(property.P, s) != 0).ToArray();
            var q = property.Q is null ? null : recorder.States.Select(s => semantics.Evaluate(property.Q, s) != 0).ToArray();
            var lasso = Search(graph, recorder.Initial, recorder.Depth, property.Form, p, q);
            var result = lasso is null
                ? new LivenessResult(variant.Name, property, Verdict.Holds, recorder.States.Count, watch.Elapsed.TotalSeconds)
                : Violated(semantics, recorder, property, lasso, watch.Elapsed.TotalSeconds);
            results.Add(result with { Expected = model.Expected(variant.Name, property.Name), Symmetry = !recorder.Renamings.Trivial });
        }

        return results;
    }

    /// <summary>
    /// A fair behaviour that breaks the property, by its form, in a graph whose initial states
    /// and depths (the length of a shortest path from an initial state) are given, and with the
    /// property's predicates evaluated in every state.
    /// </summary>
    internal static Lasso? Search(LivenessGraph g, IReadOnlyList<int> initialStates, IReadOnlyList<int> depth, LivenessForm form, bool[] p, bool[]? q)
    {
        var all = Enumerable.Range(0, g.StateCount);
        var initial = initialStates.Select(s => (s, 0));
        return form switch
        {
            // Somewhere p and not q, then never q.
            LivenessForm.LeadsTo => FairBehaviours.Find(g, all.Where(s => p[s] && !q![s]).Select(s => (s, depth[s])), s => !q![s]),

            // Somewhere not p, then never p.
            LivenessForm.AlwaysEventually => FairBehaviours.Find(g, all.Where(s => !p[s]).Select(s => (s, depth[s])), s => !p[s]),

            // Never p, from the start.
            LivenessForm.Eventually => FairBehaviours.Find(g, initial, s => !p[s]),

            // Not p again and again.
            _ => FairBehaviours.Find(g, initial, _ => true, s => !p[s]),
        };
    }

    /// <summary>
    /// The violation, its lasso told from an initial state and replayed through the evaluator.
    /// Under symmetry the stored lasso is lifted: the behaviour meets each stored state in a frame
    /// (the identity at the stored initial state, itself an initial state), takes the instance
    /// renamed by that frame, and each transition's renaming changes the frame (see <see cref="QuotientFrames"/>).
    /// </summary>
    private static LivenessResult Violated(Semantics semantics, LivenessRecorder r, LivenessDef property, Lasso lasso, double seconds)
    {
        var (stem, path) = r.PathTo(lasso.Stem[0]);
        path.AddRange(lasso.StemSteps);
        var cycleStart = lasso.Stutters ? (int?)null : path.Count;
        path.AddRange(lasso.CycleSteps);

        var renamings = r.Renamings;
        var frame = 0;
        var steps = new List<TraceStep> { TraceStep.Initial(r.States[stem[0]]) };
        foreach (var step in path)
        {
            var instance = r.Instance(renamings.Instance(frame, step.Instance));
            frame = renamings.Compose(frame, renamings.Inverse(step.Renaming));
            steps.Add(new TraceStep(instance.Action, instance.Args, [.. renamings.State(frame, r.States[step.To])], []));
        }

        var trace = TraceReplayer.Replay(semantics, new Trace([.. steps]), null);
        LassoCheck.Confirm(semantics, property, trace, cycleStart);
        return new LivenessResult(semantics.Variant.Name, property, Verdict.Violated, r.States.Count, seconds, Lasso: trace, CycleStart: cycleStart);
    }
}
