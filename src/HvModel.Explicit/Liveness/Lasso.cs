namespace HvModel.Explicit.Liveness;

/// <summary>
/// An infinite behaviour as a finite graph shows it: a stem of states from a start, then a
/// cycle that returns to the stem's last state, repeated forever. An empty cycle means the
/// behaviour stops taking steps (stutters) in the stem's last state. Under symmetry these are
/// stored states and their transitions: the concrete behaviour follows the renamings (see
/// <see cref="QuotientFrames"/>), and its cycle closes where the stored one does.
/// </summary>
/// <param name="Stem">States from the start to the cycle's entry, both included.</param>
/// <param name="StemSteps">The transition taken from each stem state to the next (one fewer than the states).</param>
/// <param name="CycleSteps">The transitions from the entry around the cycle, the last back to the entry; empty for stuttering.</param>
public sealed record Lasso(IReadOnlyList<int> Stem, IReadOnlyList<Step> StemSteps, IReadOnlyList<Step> CycleSteps)
{
    public bool Stutters => CycleSteps.Count == 0;

    public int Entry => Stem[^1];

    /// <summary>The instance taken between consecutive stem states.</summary>
    public IReadOnlyList<int> StemInstances => [.. StemSteps.Select(s => s.Instance)];

    /// <summary>States after the entry, the last being the entry again.</summary>
    public IReadOnlyList<int> Cycle => [.. CycleSteps.Select(s => s.To)];

    /// <summary>The instance taken into each cycle state.</summary>
    public IReadOnlyList<int> CycleInstances => [.. CycleSteps.Select(s => s.Instance)];
}
