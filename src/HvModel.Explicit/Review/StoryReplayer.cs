using System.Collections.Immutable;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Core.Text;
using HvModel.Core.Traces;

namespace HvModel.Explicit.Review;

/// <summary>
/// Replays a trace of variant A, action instance by action instance, on variant B through the
/// evaluator (the reference semantics): where a guard blocks it, the first step whose effect
/// differs and why (slots and <c>if hunk</c> branches), and whether the story still fails at the
/// end: the invariant violated, the cover not reached (a witness that no longer works), the state
/// without successor (deadlock).
/// </summary>
public static class StoryReplayer
{
    public sealed record Outcome(int? BlockedAt, string? BlockedReason, Divergence? FirstDifference, bool? StillFails);

    /// <param name="model">The model of both variants.</param>
    /// <param name="a">The variant the story comes from.</param>
    /// <param name="b">The variant it is replayed on.</param>
    /// <param name="trace">A's story: a counterexample, or a cover's witness.</param>
    /// <param name="property">The property the story is about; null for deadlock (the story ends in a state without successor).</param>
    public static Outcome Replay(Model model, Variant a, Variant b, Trace trace, PropertyDef? property)
    {
        var inA = new Semantics(model, a);
        var inB = new Semantics(model, b);
        var initials = new List<int[]>();
        inB.InitialStates(s => initials.Add((int[])s.Clone()));
        if (initials.Count == 0)
        {
            return new Outcome(0, $"{b.Name} has no initial state", null, null);
        }

        var current = Closest(initials, trace.Steps[0].State);
        Divergence? first = Same(current, trace.Steps[0].State)
            ? null
            : new Divergence(0, null, Differences(model, trace.Steps[0].State, current), [], []);
        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var step = trace.Steps[i];
            var call = step.Action!.Instance(step.Args);
            List<(int[] Next, ImmutableArray<HunkBranch> Branches)> outcomes;
            try
            {
                outcomes = Outcomes(inB, current, step.Action!, [.. step.Args], out var enabled);
                if (!enabled)
                {
                    return new Outcome(i, $"the guard of {call} does not hold in {b.Name}", first, null);
                }
            }
            catch (ModelRuntimeError e)
            {
                return new Outcome(i, $"{call} runs into a model error in {b.Name}: {e.Message}", first, null);
            }

            if (outcomes.Count == 0)
            {
                return new Outcome(i, $"{call} has no outcome in {b.Name} (no value of an 'any' fits)", first, null);
            }

            var next = Closest(outcomes.Select(o => o.Next).ToList(), step.State);
            if (first is null && !Same(next, step.State))
            {
                var branchesA = Outcomes(inA, [.. trace.Steps[i - 1].State], step.Action!, [.. step.Args], out _)
                    .FirstOrDefault(o => Same(o.Next, step.State)).Branches;
                var branchesB = outcomes.First(o => ReferenceEquals(o.Next, next)).Branches;
                first = new Divergence(i, call, Differences(model, step.State, next), branchesA.IsDefault ? [] : branchesA, branchesB);
            }

            current = next;
        }

        return new Outcome(null, null, first, property is null ? Stuck(inB, current) : !inB.Holds(property, current));
    }

    /// <summary>True when no action instance has an outcome in <paramref name="state"/> (a deadlock).</summary>
    private static bool Stuck(Semantics semantics, int[] state)
    {
        var stuck = true;
        semantics.Successors(state, (_, _, _) => stuck = false);
        return stuck;
    }

    /// <summary>Every outcome of one action instance, each with the hunk branches its path took.</summary>
    private static List<(int[] Next, ImmutableArray<HunkBranch> Branches)> Outcomes(Semantics semantics, int[] state, ActionDef action, int[] args, out bool enabled)
    {
        var branches = new List<HunkBranch>();
        var outcomes = new List<(int[], ImmutableArray<HunkBranch>)>();
        enabled = semantics.Fire(state, action, args, (_, _, next) => outcomes.Add(((int[])next.Clone(), [.. branches])), new RunObserver { HunkBranches = branches });
        return outcomes;
    }

    /// <summary>The candidate equal to <paramref name="target"/>, else the one differing in the fewest slots (first in order).</summary>
    private static int[] Closest(List<int[]> candidates, ImmutableArray<int> target) =>
        candidates.MinBy(c => c.Where((v, k) => v != target[k]).Count())!;

    private static bool Same(int[] state, ImmutableArray<int> other) => state.AsSpan().SequenceEqual(other.AsSpan());

    private static ImmutableArray<SlotDifference> Differences(Model model, ImmutableArray<int> inA, int[] inB) =>
        [.. model.Slots.Where(s => inA[s.Index] != inB[s.Index]).Select(s => new SlotDifference(s.Name, s.Type.Format(inA[s.Index]), s.Type.Format(inB[s.Index])))];
}
