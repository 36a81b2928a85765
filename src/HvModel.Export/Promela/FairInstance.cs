using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// A fair action instance as the liveness export names it: its number (the value of
/// <c>live_taken</c> after one of its steps) and the macro that says it has a successor.
/// </summary>
internal sealed record FairInstance(ActionInstance Instance, Fairness Fairness, int Number)
{
    /// <summary>The macro: "this instance has a successor in the current state".</summary>
    public string Enabled => $"live_enabled_{Number}";

    /// <summary>"The last step was one of this instance."</summary>
    public string Taken => $"live_taken == {Number}";

    public override string ToString() => $"{Instance} ({(Fairness == Fairness.Weak ? "weak" : "strong")})";
}
