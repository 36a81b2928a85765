using HvModel.Core.Ir;

namespace HvModel.Core.Evaluation;

/// <summary>
/// Packs a state vector into 64-bit words: each slot stores its value's ordinal in the fewest
/// bits that hold its type, and no slot straddles two words. Engines store packed states only.
/// Slots fill each word from its most significant bit down, so packed states compare, word by
/// word as unsigned numbers, as the states do slot by slot: symmetry picks the least image of
/// a state by comparing its packed images.
/// </summary>
public sealed class StateCodec
{
    private readonly ScalarType[] types;
    private readonly int[] word;
    private readonly int[] shift;
    private readonly ulong[] mask;
    private readonly int[] first;

    public StateCodec(IReadOnlyList<Slot> slots)
    {
        types = new ScalarType[slots.Count];
        word = new int[slots.Count];
        shift = new int[slots.Count];
        mask = new ulong[slots.Count];
        first = new int[slots.Count];
        var w = 0;
        var used = 0;
        for (var i = 0; i < slots.Count; i++)
        {
            types[i] = slots[i].Type;
            var bits = types[i].Bits;
            if (bits > 32)
            {
                throw new ArgumentException("a slot wider than 32 bits", nameof(slots));
            }

            if (used + bits > 64)
            {
                w++;
                used = 0;
            }

            word[i] = w;
            shift[i] = bits == 0 ? 0 : 64 - used - bits;
            first[i] = types[i].FirstValue;
            mask[i] = bits == 0 ? 0 : (1UL << bits) - 1;
            used += bits;
            TotalBits += bits;
        }

        Words = Math.Max(1, w + 1);
    }

    /// <summary>The word that holds slot <paramref name="slot"/>.</summary>
    public int WordOf(int slot) => word[slot];

    /// <summary>Where slot <paramref name="slot"/>'s ordinal starts in its word (0: the least significant bit).</summary>
    public int ShiftOf(int slot) => shift[slot];

    /// <summary>Bits slot <paramref name="slot"/> takes (0: its type has one value).</summary>
    public int BitsOf(int slot) => types[slot].Bits;

    /// <summary>The least value of slot <paramref name="slot"/>'s type: the value stored as ordinal 0.</summary>
    public int FirstOf(int slot) => first[slot];

    /// <summary>Slots per state.</summary>
    public int Slots => types.Length;

    /// <summary>Words per packed state.</summary>
    public int Words { get; }

    /// <summary>Bits of information per state (without word padding).</summary>
    public int TotalBits { get; }

    public void Pack(ReadOnlySpan<int> state, Span<ulong> packed)
    {
        packed.Clear();
        for (var i = 0; i < types.Length; i++)
        {
            var ordinal = (ulong)types[i].OrdinalOf(state[i]);
            packed[word[i]] |= ordinal << shift[i];
        }
    }

    public void Unpack(ReadOnlySpan<ulong> packed, Span<int> state)
    {
        for (var i = 0; i < types.Length; i++)
        {
            // ValueAt without the virtual call: the search unpacks every state it examines.
            state[i] = first[i] + (int)((packed[word[i]] >> shift[i]) & mask[i]);
        }
    }
}
