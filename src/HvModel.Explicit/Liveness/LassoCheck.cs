using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// Checks a lasso with the evaluator alone, not the graph that found it: its cycle returns to
/// where it began, the behaviour is fair, and it breaks the property. The checker runs it on
/// every lasso it reports, and the tests on every committed one.
/// </summary>
/// <remarks>
/// The behaviour is the trace's states s0..sn, then s(c+1)..sn again and again when the cycle
/// starts at step c (sn = sc), or sn forever when it stops. Its recurring states are the cycle's,
/// or sn alone.
/// </remarks>
public static class LassoCheck
{
    /// <summary>Throws <see cref="InvalidOperationException"/> with the reason when the lasso is not a fair violation of <paramref name="property"/>.</summary>
    public static void Confirm(Semantics semantics, LivenessDef property, Trace trace, int? cycleStart)
    {
        var states = trace.Steps.Select(s => s.State.ToArray()).ToList();
        if (cycleStart is { } start && (start < 0 || start >= states.Count - 1 || !states[start].AsSpan().SequenceEqual(states[^1].AsSpan())))
        {
            throw new InvalidOperationException("the lasso's cycle does not return to where it began");
        }

        // The recurring part begins at the cycle's first state, or at the state where the behaviour stops.
        var recurring = cycleStart ?? (states.Count - 1);
        ConfirmFair(semantics, trace, cycleStart, recurring);
        if (!Breaks(semantics, property, states, recurring))
        {
            throw new InvalidOperationException($"the lasso does not break {property.Name}");
        }
    }

    private static bool Breaks(Semantics semantics, LivenessDef property, List<int[]> states, int recurring)
    {
        bool P(int i) => semantics.Evaluate(property.P, states[i]) != 0;
        var all = Enumerable.Range(0, states.Count);
        var again = Enumerable.Range(recurring, states.Count - recurring);
        return property.Form switch
        {
            // Some p and not q, then never q: from it on, or from the cycle's start when it lies in the cycle.
            LivenessForm.LeadsTo => all.Any(k => P(k) && Enumerable.Range(Math.Min(k, recurring), states.Count - Math.Min(k, recurring)).All(j => semantics.Evaluate(property.Q!, states[j]) == 0)),
            LivenessForm.AlwaysEventually => again.All(i => !P(i)),
            LivenessForm.Eventually => all.All(i => !P(i)),
            _ => again.Any(i => !P(i)),
        };
    }

    /// <summary>
    /// Every fair instance enabled in a recurring state is taken in the cycle, or (weakly fair)
    /// disabled in one of its states; a behaviour that stops does so where no fair instance is enabled.
    /// </summary>
    private static void ConfirmFair(Semantics semantics, Trace trace, int? cycleStart, int recurring)
    {
        var model = semantics.Model;
        var cycle = cycleStart is null ? [] : trace.Steps.Skip(recurring + 1).ToList();
        var enabled = trace.Steps.Skip(cycleStart is null ? recurring : recurring + 1).Select(s => FairEnabled(semantics, [.. s.State])).ToList();
        var taken = cycle.Select(s => (s.Action!, s.Action!.OrdinalOf(s.Args))).ToHashSet();
        foreach (var instance in enabled.SelectMany(e => e).Distinct())
        {
            var fair = taken.Contains(instance) || (model.Fairness[instance.Action] == Fairness.Weak && enabled.Any(e => !e.Contains(instance)));
            if (!fair)
            {
                throw new InvalidOperationException($"the lasso is not fair: {instance.Action.Instance(instance.Ordinal)} is enabled and never taken");
            }
        }
    }

    private static HashSet<(ActionDef Action, int Ordinal)> FairEnabled(Semantics semantics, int[] state)
    {
        var enabled = new HashSet<(ActionDef, int)>();
        semantics.Successors(state, (action, args, _) =>
        {
            if (semantics.Model.Fairness.GetValueOrDefault(action, Fairness.None) != Fairness.None)
            {
                enabled.Add((action, action.OrdinalOf(args)));
            }
        });
        return enabled;
    }
}
