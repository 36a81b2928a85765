namespace HvModel.Explicit.Liveness;

/// <summary>
/// An infinite behaviour as a finite graph shows it: a stem of states from a start, then a
/// cycle that returns to the stem's last state, repeated forever. An empty cycle means the
/// behaviour stops taking steps (stutters) in the stem's last state.
/// </summary>
/// <param name="Stem">States from the start to the cycle's entry, both included.</param>
/// <param name="StemInstances">The instance taken between consecutive stem states (one fewer than the states).</param>
/// <param name="Cycle">States after the entry, the last being the entry again; empty for stuttering.</param>
/// <param name="CycleInstances">The instance taken into each cycle state.</param>
public sealed record Lasso(IReadOnlyList<int> Stem, IReadOnlyList<int> StemInstances, IReadOnlyList<int> Cycle, IReadOnlyList<int> CycleInstances)
{
    public bool Stutters => Cycle.Count == 0;

    public int Entry => Stem[^1];
}
