using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Core.Checking;

/// <summary>
/// The verdict of a liveness property in one variant. A violation comes with a lasso: the trace
/// runs from an initial state to the state where the cycle begins (<see cref="CycleStart"/>, a
/// step index), then around the cycle back to that state, forever; with <see cref="CycleStart"/>
/// null the behaviour stops taking steps in the trace's last state, where no fair action is enabled.
/// </summary>
public sealed record LivenessResult(string Variant, LivenessDef Property, Verdict Verdict, long States, double Seconds, string? Reason = null, Trace? Lasso = null, int? CycleStart = null)
{
    /// <summary>The verdict the model's expect tables give (holds when none does).</summary>
    public Verdict Expected { get; init; } = Verdict.Holds;

    /// <summary>
    /// True when the graph was explored with symmetry (its states are representatives, as
    /// <see cref="States"/> counts them), false when every state was explored as it is.
    /// </summary>
    public bool Symmetry { get; init; }

    /// <summary>True when the verdict and the expectation are both definite and disagree: '?' in a table accepts any verdict.</summary>
    public bool Differs => Verdict is Verdict.Holds or Verdict.Violated && Expected is Verdict.Holds or Verdict.Violated && Verdict != Expected;
}
