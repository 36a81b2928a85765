using HvModel.Core.Ir;

namespace HvModel.TestSupport.Peers;

/// <summary>
/// One liveness property of one variant, checked by HvModel and by SPIN, under the model's
/// fairness and with all fairness removed (<see cref="SpinUnfair"/> is null when SPIN was not
/// asked for that one). <see cref="GuardWithoutSuccessor"/>: in this variant some fair
/// instance's guard holds in a reachable state where it has no successor (an <c>any</c> finds no
/// value), so the case tells "enabled" (has a successor) from "its guard holds".
/// </summary>
public sealed record LivenessCase(string Model, string Variant, string Property, Verdict HvModel, Verdict Spin, Verdict HvModelUnfair, Verdict? SpinUnfair, bool GuardWithoutSuccessor)
{
    public bool Agrees => HvModel == Spin && (SpinUnfair is null || SpinUnfair == HvModelUnfair);

    /// <summary>Fairness decided the verdict: without it the property is violated, with it it holds.</summary>
    public bool FairnessDecides => HvModel != HvModelUnfair;

    public override string ToString() =>
        $"{Model} {Variant} {Property}: hvmodel {Name(HvModel)}, spin {Name(Spin)}; without fairness: hvmodel {Name(HvModelUnfair)}" +
        (SpinUnfair is { } s ? $", spin {Name(s)}" : "") + (GuardWithoutSuccessor ? "; a fair guard without a successor" : "") + (Agrees ? "" : "   DISAGREE");

    private static string Name(Verdict v) => v.ToString().ToLowerInvariant();
}
