using HvModel.Core.Ir;

namespace HvModel.Core.Traces;

/// <summary>A state slot whose value differs between two states: what a step changed.</summary>
public sealed record SlotChange(Slot Slot, int Before, int After)
{
    /// <summary>The slots that differ between two states, in slot order.</summary>
    public static IEnumerable<SlotChange> Between(Model model, IReadOnlyList<int> before, IReadOnlyList<int> after) =>
        model.Slots.Where(s => before[s.Index] != after[s.Index]).Select(s => new SlotChange(s, before[s.Index], after[s.Index]));
}
