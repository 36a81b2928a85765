using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Explicit.Liveness;

namespace HvModel.TestSupport.Peers;

/// <summary>
/// HvModel's liveness checker against SPIN on every variant and liveness property of a model,
/// under the model's fairness and with all fairness removed: the second tells which cases
/// fairness decided, so that a comparison is known to have compared fair cases at all.
/// </summary>
public static class LivenessComparison
{
    /// <summary>
    /// The cases of <paramref name="model"/>; SPIN checks the model without fairness too when
    /// <paramref name="spinUnfair"/> (one more compilation per variant). Null, with the reason,
    /// when there is nothing to compare: a model error on either side, or an incomplete graph.
    /// </summary>
    public static (List<LivenessCase>? Cases, string? Skipped) Compare(Model model, string label, bool spinUnfair)
    {
        var unfair = model with { Fairness = model.Fairness.Clear() };
        var cases = new List<LivenessCase>();
        foreach (var variant in model.Variants)
        {
            Dictionary<string, Verdict> hv, hvUnfair, spin;
            Dictionary<string, Verdict>? spinWithout = null;
            try
            {
                hv = HvModel(model, variant);
                hvUnfair = HvModel(unfair, variant);
            }
            catch (Exception e) when (e is Core.Text.ModelRuntimeError or ModelRuntimeFailure)
            {
                return (null, $"a model error in hvmodel: {e.Message}");
            }

            if (hv.Values.Concat(hvUnfair.Values).Any(v => v != Verdict.Holds && v != Verdict.Violated))
            {
                return (null, "hvmodel gave no verdict");
            }

            try
            {
                spin = SpinLivenessOracle.Check(model, variant);
                if (spinUnfair)
                {
                    spinWithout = SpinLivenessOracle.Check(unfair, variant);
                }
            }
            catch (SpinModelError e)
            {
                return (null, $"a model error in SPIN: {e.Message}");
            }

            var subtle = GuardWithoutSuccessor(model, variant);
            cases.AddRange(model.Liveness.Select(p => new LivenessCase(label, variant.Name, p.Name, hv[p.Name], spin[p.Name], hvUnfair[p.Name], spinWithout?[p.Name], subtle)));
        }

        return (cases, null);
    }

    /// <summary>Whether some fair instance's guard holds in a reachable state where it has no successor.</summary>
    public static bool GuardWithoutSuccessor(Model model, Variant variant)
    {
        var semantics = new Semantics(model, variant);
        var fair = model.Actions.Where(a => model.Fairness.GetValueOrDefault(a, Fairness.None) != Fairness.None).SelectMany(a => a.Instances()).ToList();
        foreach (var state in ReachableStates.Explore(model, variant, new CheckOptions()).States)
        {
            foreach (var instance in fair)
            {
                var successors = 0;
                if (semantics.Fire(state, instance.Action, [.. instance.Args], (_, _, _) => successors++) && successors == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Dictionary<string, Verdict> HvModel(Model model, Variant variant) =>
        LivenessChecker.Check(model, variant, new CheckOptions()).ToDictionary(r => r.Property.Name, r => r.Verdict);
}
