using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Export.Aiger;

/// <summary>How one state slot is stored: its latches (least significant bit first) and the bits flipped in storage.</summary>
/// <param name="Latches">Latch positions of the slot's bits.</param>
/// <param name="Flipped">Per bit, true when the latch holds the bit's negation (its initial value is 1: latches start at 0).</param>
/// <param name="Signed">True when the bits are two's complement.</param>
public sealed record SlotBits(ImmutableArray<int> Latches, ImmutableArray<bool> Flipped, bool Signed);

/// <summary>
/// What the inputs and latches of an exported AIGER file mean, so that a peer's counterexample
/// (an input vector per step) can be read back as action instances and states of the model.
/// </summary>
public sealed class AigerLayout(
    ImmutableArray<ActionInstance> instances,
    ImmutableArray<int> selectorInputs,
    ImmutableArray<SlotBits> slots,
    int initializedLatch,
    int inputCount,
    int latchCount)
{
    /// <summary>Every action instance, in the order the selector numbers them (actions in declaration order, then <see cref="ActionInstance.Ordinal"/>).</summary>
    public ImmutableArray<ActionInstance> Instances { get; } = instances;

    /// <summary>Input positions of the selector's bits, least significant first.</summary>
    public ImmutableArray<int> SelectorInputs { get; } = selectorInputs;

    /// <summary>Per state slot of the model, its latches.</summary>
    public ImmutableArray<SlotBits> Slots { get; } = slots;

    /// <summary>The latch that is 1 once an initial state is chosen; -1 when the initial state is fixed (the latches start in it).</summary>
    public int InitializedLatch { get; } = initializedLatch;

    public int InputCount { get; } = inputCount;

    public int LatchCount { get; } = latchCount;

    /// <summary>The instance the inputs of one step select; null for a selector value past the last instance (the step changes nothing).</summary>
    public ActionInstance? InstanceOf(IReadOnlyList<bool> inputs)
    {
        var index = 0;
        for (var k = 0; k < SelectorInputs.Length; k++)
        {
            index |= (inputs[SelectorInputs[k]] ? 1 : 0) << k;
        }

        return index < Instances.Length ? Instances[index] : null;
    }

    /// <summary>True when the latches hold a state of the model (not the step that picks the initial state).</summary>
    public bool IsInitialized(IReadOnlyList<bool> latches) => InitializedLatch < 0 || latches[InitializedLatch];

    /// <summary>The model's state that the latches hold.</summary>
    public int[] StateOf(IReadOnlyList<bool> latches)
    {
        var state = new int[Slots.Length];
        for (var s = 0; s < Slots.Length; s++)
        {
            var slot = Slots[s];
            long value = 0;
            var w = slot.Latches.Length;
            for (var k = 0; k < w; k++)
            {
                value |= (long)((latches[slot.Latches[k]] ^ slot.Flipped[k]) ? 1 : 0) << k;
            }

            if (slot.Signed && (value & (1L << (w - 1))) != 0)
            {
                value -= 1L << w;
            }

            state[s] = (int)value;
        }

        return state;
    }
}
