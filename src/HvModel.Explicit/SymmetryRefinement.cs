namespace HvModel.Explicit;

/// <summary>
/// One round of refinement of the signatures, for members whose signatures tie: a member's
/// refined signature adds, for each slot it shares with other members (an array over two
/// sets, or a slot that holds a member), the signatures of those others, each in its place in
/// the slot's path. Two CPUs that are each in the affinity of one IRQ tie on their own
/// signatures; they no longer do when the two IRQs differ. Like a signature, the refined one
/// moves with a permutation (the others' signatures do, and so do the slots), so sorting a tie
/// by it keeps the form canonical; members it cannot tell apart stay tied and are permuted.
/// A hash collision only leaves a tie to permute: never a wrong representative.
/// </summary>
internal sealed class SymmetryRefinement
{
    // For member g (its place in the one array of signatures): its links are
    // LinkStart[g]..LinkStart[g+1]-1, each a slot it indexes that names another member on its
    // path (LinkOther[LinkOtherStart[l]..LinkOtherStart[l+1]-1]) or holds a member.
    private readonly int[] linkStart;
    private readonly int[] linkSlot;
    private readonly int[] linkTable;
    private readonly int[] linkOtherStart;
    private readonly int[] linkOther;

    // For set k: the slots that hold a member of k and name members on their path
    // (HeldStart[k]..HeldStart[k+1]-1), each with those members and its key.
    private readonly int[] heldStart;
    private readonly int[] heldSlot;
    private readonly ulong[] heldKey;
    private readonly int[] heldOtherStart;
    private readonly int[] heldOther;

    private readonly SymmetryLayout layout;

    public SymmetryRefinement(SymmetryLayout layout)
    {
        this.layout = layout;
        var byMember = Enumerable.Range(0, layout.SignatureLength).Select(_ => new List<(int Slot, int Table, int[] Others)>()).ToArray();
        for (var m = 0; m < layout.MentionSlot.Length; m++)
        {
            var s = layout.MentionSlot[m];
            var self = layout.MentionTarget[m];
            var others = PathMembers(s).Where(t => t != self).ToArray();
            if (others.Length > 0 || layout.ValueSet[s] >= 0)
            {
                byMember[self].Add((s, layout.MentionTableStart[m], others));
            }
        }

        linkStart = new int[layout.SignatureLength + 1];
        var slots = new List<int>();
        var tables = new List<int>();
        var otherStarts = new List<int>();
        var others2 = new List<int>();
        for (var g = 0; g < byMember.Length; g++)
        {
            linkStart[g] = slots.Count;
            foreach (var (slot, table, others) in byMember[g])
            {
                slots.Add(slot);
                tables.Add(table);
                otherStarts.Add(others2.Count);
                others2.AddRange(others);
            }
        }

        linkStart[byMember.Length] = slots.Count;
        otherStarts.Add(others2.Count);
        (linkSlot, linkTable, linkOtherStart, linkOther) = ([.. slots], [.. tables], [.. otherStarts], [.. others2]);

        heldStart = new int[layout.Sets.Length + 1];
        var held = new List<int>();
        var keys = new List<ulong>();
        var heldStarts = new List<int>();
        var heldOthers = new List<int>();
        for (var k = 0; k < layout.Sets.Length; k++)
        {
            heldStart[k] = held.Count;
            foreach (var s in layout.Holders.Where(x => layout.ValueSet[x] == k))
            {
                var path = PathMembers(s).ToArray();
                if (path.Length > 0)
                {
                    held.Add(s);
                    keys.Add(layout.ValueKey[s]);
                    heldStarts.Add(heldOthers.Count);
                    heldOthers.AddRange(path);
                }
            }
        }

        heldStart[layout.Sets.Length] = held.Count;
        heldStarts.Add(heldOthers.Count);
        (heldSlot, heldKey, heldOtherStart, heldOther) = ([.. held], [.. keys], [.. heldStarts], [.. heldOthers]);
    }

    /// <summary>The refined signature of member <paramref name="member"/> of set <paramref name="k"/>, from the signatures of all members.</summary>
    public ulong Refined(int k, int member, int[] state, ulong[] signature)
    {
        var g = layout.SetOffset[k] + member;
        var refined = 0UL;
        for (var l = linkStart[g]; l < linkStart[g + 1]; l++)
        {
            var s = linkSlot[l];
            var h = layout.MentionTable[linkTable[l] + state[s] - layout.SlotLow[s]];
            for (var o = linkOtherStart[l]; o < linkOtherStart[l + 1]; o++)
            {
                h = Step(h, signature[linkOther[o]]);
            }

            if (layout.ValueSet[s] is var vs and >= 0 && state[s] >= layout.SetFixed[vs])
            {
                // The member the slot holds, unless it is this one (its table entry says so).
                var held = layout.SetOffset[vs] + state[s];
                h = Step(h, held == g ? SymmetryLayout.SelfValue : signature[held]);
            }

            refined += Finish(h);
        }

        for (var x = heldStart[k]; x < heldStart[k + 1]; x++)
        {
            var s = heldSlot[x];
            if (state[s] != member)
            {
                continue;
            }

            var h = heldKey[x];
            var onPath = false;
            for (var o = heldOtherStart[x]; o < heldOtherStart[x + 1]; o++)
            {
                onPath |= heldOther[o] == g;
                h = Step(h, signature[heldOther[o]]);
            }

            // A slot on this member's own path is one of its links already.
            refined += onPath ? 0 : Finish(h);
        }

        return refined;
    }

    /// <summary>The interchangeable members on slot s's path, in the path's order, as places in the one array of signatures.</summary>
    private IEnumerable<int> PathMembers(int s)
    {
        for (var c = layout.CompStart[s]; c < layout.CompStart[s + 1]; c++)
        {
            yield return layout.SetOffset[layout.CompSet[c]] + layout.CompOrd[c];
        }
    }

    // Cheap mixing: a collision only leaves a tie, so speed counts more than quality here.
    private static ulong Step(ulong h, ulong value) => (h ^ value) * 0x9E37_79B9_7F4A_7C15UL;

    private static ulong Finish(ulong h) => h ^ (h >> 29);
}
