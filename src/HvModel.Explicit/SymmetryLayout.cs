using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Where each state slot goes under a permutation of the interchangeable scalarset members,
/// and the per-element signature keys, computed once per model. A slot's path components over
/// an interchangeable member move with the permutation; everything else (other index types,
/// distinguished members) is folded into the slot's fixed base offset.
/// </summary>
internal sealed class SymmetryLayout
{
    /// <summary>Token for "this element" in a signature key.</summary>
    private const ulong Self = 0x5E1F_5E1F_5E1F_5E1FUL;

    public SymmetryLayout(Model model, IReadOnlyList<ScalarsetType> sets)
    {
        Sets = [.. sets];
        var setIndex = new Dictionary<ScalarsetType, int>();
        for (var k = 0; k < Sets.Length; k++)
        {
            setIndex[Sets[k]] = k;
        }

        var slots = model.Slots;
        SlotCount = slots.Length;
        Base = new int[slots.Length];
        CompStart = new int[slots.Length + 1];
        ValueSet = new int[slots.Length];
        ValueKey = new ulong[slots.Length];
        var compSet = new List<int>();
        var compOrd = new List<int>();
        var compStride = new List<int>();
        var mentions = new List<(int Slot, int Set, int Element, ulong Key)>();
        for (var s = 0; s < slots.Length; s++)
        {
            var slot = slots[s];
            CompStart[s] = compSet.Count;
            var index = slot.Var.FirstSlot;
            HvType type = slot.Var.Type;
            var path = new List<(int Set, int Ordinal)>();
            foreach (var value in slot.Path)
            {
                var array = (ArrayType)type;
                var stride = Types.SlotCount(array.Element);
                var ordinal = array.Index.OrdinalOf(value);
                if (array.Index is ScalarsetType st && setIndex.TryGetValue(st, out var set) && st.IsInterchangeable(value))
                {
                    compSet.Add(set);
                    compOrd.Add(ordinal);
                    compStride.Add(stride);
                    path.Add((set, ordinal));
                }
                else
                {
                    index += ordinal * stride;
                    path.Add((-1, ordinal));
                }

                type = array.Element;
            }

            Base[s] = index;
            ValueSet[s] = slot.Type is ScalarsetType vt && setIndex.TryGetValue(vt, out var vs) ? vs : -1;

            // The key of this slot seen from an element it does not mention: every
            // interchangeable component is "some member of its set".
            ValueKey[s] = Key(slot.Var.FirstSlot, path, -1, -1);

            // One mention per (set, element) that appears in the path.
            foreach (var (set, ordinal) in path.Where(p => p.Set >= 0).Distinct())
            {
                mentions.Add((s, set, ordinal, Key(slot.Var.FirstSlot, path, set, ordinal)));
            }
        }

        CompStart[slots.Length] = compSet.Count;
        CompSet = [.. compSet];
        CompOrd = [.. compOrd];
        CompStride = [.. compStride];
        RowSegments = [.. Sets.Select(_ => new List<(int First, int Stride)>())];
        SortsExactly = true;
        foreach (var v in model.Vars)
        {
            var moving = v.Type is ArrayType { Index: ScalarsetType st } a && setIndex.TryGetValue(st, out var set) ? (Set: set, Stride: Types.SlotCount(a.Element)) : (Set: -1, Stride: 0);
            for (var s = v.FirstSlot; s < v.FirstSlot + Types.SlotCount(v.Type); s++)
            {
                var comps = CompStart[s + 1] - CompStart[s];
                var onlyFirst = comps == 0 || (comps == 1 && moving.Set >= 0 && CompSet[CompStart[s]] == moving.Set && CompStride[CompStart[s]] == moving.Stride);
                SortsExactly &= onlyFirst && ValueSet[s] < 0;
            }

            if (moving.Set >= 0)
            {
                RowSegments[moving.Set].Add((v.FirstSlot, moving.Stride));
            }
        }

        MentionSlot = [.. mentions.Select(m => m.Slot)];
        MentionSet = [.. mentions.Select(m => m.Set)];
        MentionElement = [.. mentions.Select(m => m.Element)];
        MentionKey = [.. mentions.Select(m => m.Key)];
        SlotLow = [.. slots.Select(x => x.Type.ValueAt(0))];

        // A mention's contribution to its element's signature depends only on the slot's value:
        // tabulated once, so that a signature is a sum of table entries (no mixing per state).
        var table = new List<ulong>();
        MentionTableStart = new int[mentions.Count];
        for (var m = 0; m < mentions.Count; m++)
        {
            var slot = slots[MentionSlot[m]];
            MentionTableStart[m] = table.Count;
            for (var o = 0; o < slot.Type.Count; o++)
            {
                table.Add(Mix(MentionKey[m], ValueToken(MentionSlot[m], slot.Type.ValueAt(o), MentionSet[m], MentionElement[m])));
            }
        }

        MentionTable = [.. table];

        // What a slot holding an interchangeable member adds to that member's signature when the
        // slot is not indexed by it (0 where it adds nothing), by value.
        var holders = new List<int>();
        var contributions = new List<ulong>();
        var starts = new List<int>();
        for (var x = 0; x < slots.Length; x++)
        {
            if (ValueSet[x] < 0)
            {
                continue;
            }

            holders.Add(x);
            starts.Add(contributions.Count);
            var set = Sets[ValueSet[x]];
            for (var o = 0; o < slots[x].Type.Count; o++)
            {
                var member = slots[x].Type.ValueAt(o);
                contributions.Add(set.IsInterchangeable(member) && !IndexedBy(x, ValueSet[x], member) ? Mix(ValueKey[x], Self) : 0);
            }
        }

        Holders = [.. holders];
        HolderTableStart = [.. starts];
        HolderTable = [.. contributions];

        // Mentions are listed slot by slot: a slot's are MentionsOf[s]..MentionsOf[s+1]-1.
        MentionsOf = new int[slots.Length + 1];
        foreach (var slot in MentionSlot)
        {
            MentionsOf[slot + 1]++;
        }

        for (var x = 0; x < slots.Length; x++)
        {
            MentionsOf[x + 1] += MentionsOf[x];
        }

        // Signatures are one array, set after set, each set's members by ordinal.
        SetOffset = new int[Sets.Length];
        for (var k = 1; k < Sets.Length; k++)
        {
            SetOffset[k] = SetOffset[k - 1] + Sets[k - 1].Size;
        }

        SignatureLength = Sets.Length == 0 ? 0 : SetOffset[^1] + Sets[^1].Size;
        SetFixed = [.. Sets.Select(set => set.Fixed)];
        SetHeld = [.. Sets.Select((_, k) => ValueSet.Contains(k))];
        MentionTarget = [.. mentions.Select(m => SetOffset[m.Set] + m.Element)];
        HolderTarget = [.. holders.Select(x => SetOffset[ValueSet[x]])];

        HolderOf = Enumerable.Repeat(-1, slots.Length).ToArray();
        for (var h = 0; h < Holders.Length; h++)
        {
            HolderOf[Holders[h]] = h;
        }

        ReadByEight = new uint[(slots.Length + 7) / 8];
        for (var x = 0; x < slots.Length; x++)
        {
            if (MentionsOf[x + 1] > MentionsOf[x] || HolderOf[x] >= 0)
            {
                ReadByEight[x >> 3] |= 1u << (x & 7);
            }
        }
    }

    /// <summary>Where set k's signatures start in the one array of all signatures.</summary>
    public int[] SetOffset { get; }

    /// <summary>Length of the one array of all signatures.</summary>
    public int SignatureLength { get; }

    /// <summary>Set k's distinguished members, ordinals 0..SetFixed[k]-1 (never permuted).</summary>
    public int[] SetFixed { get; }

    /// <summary>Whether some slot holds a member of set k (so that images rename values of set k).</summary>
    public bool[] SetHeld { get; }

    /// <summary>For mention m: its element's place in the one array of all signatures.</summary>
    public int[] MentionTarget { get; }

    /// <summary>For holder h: where the signatures of the set it holds start (the member held is its value).</summary>
    public int[] HolderTarget { get; }

    /// <summary>The mentions of slot s are MentionsOf[s]..MentionsOf[s+1]-1 (for signatures updated slot by slot).</summary>
    public int[] MentionsOf { get; }

    /// <summary>Slots 8i..8i+7 that some signature reads (a mention or a holder), as the bits of ReadByEight[i].</summary>
    public uint[] ReadByEight { get; }

    /// <summary>The holder index of slot s, or -1 when it holds no permuted member.</summary>
    public int[] HolderOf { get; }

    /// <summary>Each slot's least value: a value's place in a slot's tables is the value less it.</summary>
    public int[] SlotLow { get; }

    /// <summary>For mention m: its contribution to element MentionElement[m]'s signature, by the slot's value, from MentionTableStart[m].</summary>
    public ulong[] MentionTable { get; }

    public int[] MentionTableStart { get; }

    /// <summary>The slots that hold a member of a permuted set (ValueSet &gt;= 0).</summary>
    public int[] Holders { get; }

    /// <summary>For holder h: what it adds to the signature of the member it holds, by value, from HolderTableStart[h].</summary>
    public ulong[] HolderTable { get; }

    public int[] HolderTableStart { get; }

    /// <summary>True when slot s is indexed by member <paramref name="element"/> of set <paramref name="set"/>.</summary>
    private bool IndexedBy(int s, int set, int element)
    {
        for (var c = CompStart[s]; c < CompStart[s + 1]; c++)
        {
            if (CompSet[c] == set && CompOrd[c] == element)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every variable either does not move or is an array over one permuted set
    /// whose elements hold nothing that moves (no permuted index below, no permuted values).
    /// Then the least image over the whole group is found by sorting each set's members by
    /// their rows, in the order of the variables: the image is laid out variable by variable,
    /// row by row, so the least image puts the least rows first, and members with equal rows
    /// give the same image whichever way they are placed.
    /// </summary>
    public bool SortsExactly { get; }

    /// <summary>For each set: the variables indexed by it, as (first slot, slots per row), in declaration order.</summary>
    public List<(int First, int Stride)>[] RowSegments { get; }

    /// <summary>The scalarsets permuted, each with at least two interchangeable members.</summary>
    public ScalarsetType[] Sets { get; }

    public int SlotCount { get; }

    /// <summary>Slot index with every non-moving path component applied.</summary>
    public int[] Base { get; }

    /// <summary>Moving components of slot s: CompStart[s]..CompStart[s+1]-1.</summary>
    public int[] CompStart { get; }

    public int[] CompSet { get; }

    public int[] CompOrd { get; }

    public int[] CompStride { get; }

    /// <summary>The set whose members the slot stores, or -1.</summary>
    public int[] ValueSet { get; }

    public ulong[] ValueKey { get; }

    public int[] MentionSlot { get; }

    public int[] MentionSet { get; }

    public int[] MentionElement { get; }

    public ulong[] MentionKey { get; }

    /// <summary>
    /// How a stored value reads from element (set, element)'s point of view: itself, some
    /// interchangeable member of a set, or (distinguished members, other types) the value.
    /// </summary>
    public ulong ValueToken(int s, int value, int set, int element)
    {
        var vs = ValueSet[s];
        if (vs < 0 || !Sets[vs].IsInterchangeable(value))
        {
            return (ulong)(uint)value;
        }

        return vs == set && value == element ? Self : Other(vs);
    }

    /// <summary>A deterministic 64-bit mix (splitmix64's finaliser): signatures must not vary between runs.</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        var z = a + (b * 0x9E37_79B9_7F4A_7C15UL) + 0x6A09_E667_F3BC_C909UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    public static ulong SelfValue => Self;

    private static ulong Other(int set) => 0x07E4_0000_0000_0000UL + (ulong)set;

    private static ulong Key(int variable, List<(int Set, int Ordinal)> path, int set, int element)
    {
        var h = Mix(0xC0FF_EEUL, (ulong)variable);
        foreach (var (s, o) in path)
        {
            var token = s < 0 ? (ulong)o : s == set && o == element ? Self : Other(s);
            h = Mix(h, token);
        }

        return h;
    }
}
