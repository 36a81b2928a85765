using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Explicit.Liveness;

namespace HvModel.Tests.Liveness;

/// <summary>
/// The unsound way to check liveness under symmetry, for tests to show what following the
/// renamings is for: the graph of stored states, each transition's instance named as its stored
/// state names it, searched for fair behaviours as if it were the whole graph (the reason TLC
/// warns that liveness with symmetry can miss violations).
/// </summary>
internal static class NaiveQuotient
{
    /// <summary>Each liveness property's verdict on the naive quotient (null when the model has no symmetry to reduce by).</summary>
    public static Verdict[]? Verdicts(Model model, Variant variant)
    {
        if (Symmetry.For(model) is null)
        {
            return null;
        }

        var recorder = new Recorder(new InstanceNumbering(model));
        var engine = new ExplicitEngine { Observer = recorder };
        engine.Check(model, variant, [], new CheckOptions { Exhaustive = true, CheckDeadlock = false });
        Assert.True(engine.LastStats!.Complete);

        var g = new LivenessGraph(recorder.States.Count, [.. model.Actions.SelectMany(a => Enumerable.Repeat(model.Fairness.GetValueOrDefault(a, Fairness.None), a.InstanceCount))]);
        foreach (var (from, to, instance) in recorder.Transitions.Distinct())
        {
            g.AddTransition(from, to, instance);
        }

        var semantics = new Semantics(model, variant);
        return [.. model.Liveness.Select(property =>
        {
            var p = recorder.States.Select(s => semantics.Evaluate(property.P, s) != 0).ToArray();
            var q = property.Q is null ? null : recorder.States.Select(s => semantics.Evaluate(property.Q, s) != 0).ToArray();
            return LivenessChecker.Search(g, recorder.Initial, recorder.Depth, property.Form, p, q) is null ? Verdict.Holds : Verdict.Violated;
        })];
    }

    /// <summary>The stored states and their transitions as the search reports them to a plain observer: no renamings.</summary>
    private sealed class Recorder(InstanceNumbering numbering) : IExplorationObserver
    {
        public List<int[]> States { get; } = [];

        public List<int> Depth { get; } = [];

        public List<int> Initial { get; } = [];

        public List<(int From, int To, int Instance)> Transitions { get; } = [];

        public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state)
        {
            Assert.Equal(States.Count, index);
            States.Add(state.ToArray());
            Depth.Add(depth);
            if (predecessor < 0)
            {
                Initial.Add(index);
            }
        }

        public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args) =>
            Transitions.Add((from, to, numbering.Of(action, args.ToArray())));
    }
}
