using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HvModel.Explicit;

/// <summary>
/// Every interchangeable member's signature (see <see cref="Symmetry"/>), in one array, set
/// after set (<see cref="SymmetryLayout.SetOffset"/>). A signature is a sum over the slots the
/// member is seen in (mod 2^64) of tabulated terms, so the signatures of a successor are its
/// parent's with the terms of the slots a step changed taken out and put back with their new
/// values: a few table reads instead of a pass over the state.
/// </summary>
internal sealed class MemberSignatures(SymmetryLayout layout)
{
    private readonly ulong[] parentSignature = new ulong[layout.SignatureLength];

    // The state whose successors are being canonicalised, and whether its signatures are in
    // parentSignature yet: they are worked out on the first successor that needs them, and
    // with the memo of representatives often none does.
    private int[]? parent;
    private bool parentReady;

    /// <summary>The signatures of the state last given to <see cref="Of"/>.</summary>
    public ulong[] Values { get; } = new ulong[layout.SignatureLength];

    /// <summary>Whether the states given to <see cref="Of"/> are successors of one (see <see cref="Expand"/>).</summary>
    public bool Expanding => parent is not null;

    /// <summary>States given to <see cref="Of"/> are successors of <paramref name="state"/> (null: no longer), which must not change until the next call.</summary>
    public void Expand(int[]? state)
    {
        parent = state;
        parentReady = false;
    }

    /// <summary>Works out the signatures of <paramref name="state"/> into <see cref="Values"/>.</summary>
    public void Of(int[] state)
    {
        if (parent is null)
        {
            ComputeSignatures(state);
            return;
        }

        if (!parentReady)
        {
            ComputeSignatures(parent);
            Values.CopyTo(parentSignature, 0);
            parentReady = true;
        }

        SignaturesFromParent(state);
    }

    // Signatures are sums over slots (mod 2^64): a changed slot takes its old value's terms out
    // and puts its new value's in.
    private void SignaturesFromParent(int[] state)
    {
        parentSignature.AsSpan().CopyTo(Values);
        var before = parent!;

        // A step changes few slots: compare eight at a time, and visit only those that differ
        // and that some signature reads.
        var s = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var now = ref MemoryMarshal.GetArrayDataReference(state);
            ref var old = ref MemoryMarshal.GetArrayDataReference(before);
            var read = layout.ReadByEight;
            for (; s + 8 <= state.Length; s += 8)
            {
                var differ = ~Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref now, (nuint)s), Vector256.LoadUnsafe(ref old, (nuint)s))) & read[s >> 3];
                while (differ != 0)
                {
                    var x = s + BitOperations.TrailingZeroCount(differ);
                    Update(x, before[x], state);
                    differ &= differ - 1;
                }
            }
        }

        for (; s < state.Length; s++)
        {
            if (state[s] != before[s])
            {
                Update(s, before[s], state);
            }
        }
    }

    /// <summary>Moves slot s's terms in the signatures from its value <paramref name="was"/> to its value in <paramref name="state"/>.</summary>
    private void Update(int s, int was, int[] state)
    {
        var low = layout.SlotLow[s];
        var (old, now) = (was - low, state[s] - low);
        var target = layout.MentionTarget;
        var mentionStart = layout.MentionTableStart;
        var table = layout.MentionTable;
        for (var m = layout.MentionsOf[s]; m < layout.MentionsOf[s + 1]; m++)
        {
            Values[target[m]] += table[mentionStart[m] + now] - table[mentionStart[m] + old];
        }

        if (layout.HolderOf[s] is var h and >= 0)
        {
            // The member held is the value itself (a scalarset's values are its ordinals).
            var start = layout.HolderTableStart[h];
            var members = layout.HolderTarget[h];
            Values[members + was] -= layout.HolderTable[start + old];
            Values[members + state[s]] += layout.HolderTable[start + now];
        }
    }

    private void ComputeSignatures(int[] state)
    {
        Array.Clear(Values);

        // Slots that an element indexes: their value, as seen from that element (tabulated).
        var mentionSlot = layout.MentionSlot;
        var target = layout.MentionTarget;
        var mentionStart = layout.MentionTableStart;
        var table = layout.MentionTable;
        var low = layout.SlotLow;
        for (var m = 0; m < mentionSlot.Length; m++)
        {
            var s = mentionSlot[m];
            Values[target[m]] += table[mentionStart[m] + state[s] - low[s]];
        }

        // Slots that hold an element without it indexing them.
        var holders = layout.Holders;
        var holderStart = layout.HolderTableStart;
        var holderTable = layout.HolderTable;
        var holderTarget = layout.HolderTarget;
        for (var h = 0; h < holders.Length; h++)
        {
            var s = holders[h];
            Values[holderTarget[h] + state[s]] += holderTable[holderStart[h] + state[s] - low[s]];
        }
    }
}
