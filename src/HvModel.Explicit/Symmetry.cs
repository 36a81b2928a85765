using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Symmetry reduction over scalarsets, normalised as Murphi and Rumur do: the interchangeable
/// members of each scalarset are sorted by a signature of their slice of the state (the
/// elements of arrays they index, and the variables that hold them), and only members whose
/// signatures tie are permuted; the least image, in lexicographic order, among those
/// permutations is the state's representative. Distinguished members never move.
///
/// A signature is a function of the state that every permutation carries along with the
/// element (other members appear in it only as "some member"), so two states of one orbit
/// get the same sorted order and the same tie permutations, hence the same representative:
/// the form is canonical. When the ties of one state would need more than
/// <see cref="MaxPermutations"/> permutations, the state keeps the order of the sort with
/// ties broken by position: a normal form that may differ within an orbit (Rumur's heuristic
/// mode), so more states are stored, and still sound, since each stored state is a member of
/// its orbit. The group itself is never enumerated.
///
/// Sound because the binder only lets scalarset values be compared for equality, index arrays,
/// be quantified over, and name distinguished members, so permuting the interchangeable ones
/// maps behaviours to behaviours and keeps every property's truth. A <c>for</c> loop over a
/// scalarset whose effect depends on the order of iteration would break that: such a model is
/// checked without the reduction (<see cref="OrderDependenceCheck"/>).
/// </summary>
public sealed class Symmetry
{
    /// <summary>Most tie permutations tried for one state before the heuristic normal form.</summary>
    public const int MaxPermutations = 5040;

    private readonly SymmetryLayout layout;
    private readonly int maxPermutations;
    private readonly TiePermutations ties;
    private readonly ulong[][] signature;
    private readonly int[][] order;
    private readonly int[][] perm;

    // The image under perm, and whether perm fixes a state: compiled once per model and shared
    // by forks (they keep no state).
    private readonly Action<int[], int[], int[][]> permute;
    private readonly Func<int[], int[][], bool> fixes;
    private readonly int[] scratch;
    private readonly int[] best;

    // The identity on every set but for one transposition at a time (see SwapFixes).
    private readonly int[][] swap;

    // The state being canonicalised.
    private int[] current = [];

    // The state whose successors are being canonicalised, and its signatures (see Expanding).
    private int[]? parent;
    private readonly ulong[][] parentSignature;

    private Symmetry(SymmetryLayout layout, int maxPermutations, Action<int[], int[], int[][]>? permute = null, Func<int[], int[][], bool>? fixes = null)
    {
        this.layout = layout;
        this.permute = permute ?? CompiledPermutation.Compile(layout);
        this.fixes = fixes ?? CompiledPermutation.CompileFixes(layout);
        this.maxPermutations = maxPermutations;
        var sets = layout.Sets;
        signature = [.. sets.Select(s => new ulong[s.Size])];
        parentSignature = [.. sets.Select(s => new ulong[s.Size])];
        order = [.. sets.Select(s => new int[s.Interchangeable])];
        perm = [.. sets.Select(s => Enumerable.Range(0, s.Size).ToArray())];
        swap = [.. sets.Select(s => Enumerable.Range(0, s.Size).ToArray())];
        ties = new TiePermutations([.. sets.Select(s => s.Interchangeable)], maxPermutations);
        scratch = new int[layout.SlotCount];
        best = new int[layout.SlotCount];
        GroupSize = sets.Aggregate(1L, (acc, s) => SaturatingMul(acc, Factorial(s.Interchangeable)));
    }

    /// <summary>
    /// Order of the symmetry group (saturated at <see cref="long.MaxValue"/>): the product of
    /// the factorials of the interchangeable parts.
    /// </summary>
    public long GroupSize { get; }

    /// <summary>True when no state can need more tie permutations than allowed: every representative is canonical.</summary>
    public bool AlwaysCanonical => layout.SortsExactly || GroupSize <= maxPermutations;

    /// <summary>True when members are sorted by their rows, which gives the least image over the whole group.</summary>
    internal bool SortsExactly => layout.SortsExactly;

    /// <summary>The most permutations tried for one state so far (1 means no tie to break).</summary>
    public int Permutations { get; private set; } = 1;

    /// <summary>States normalised by the heuristic, non-canonical form so far.</summary>
    public long HeuristicStates { get; private set; }

    /// <summary>How the reduction works on this model, for the report header.</summary>
    public static string Describe(Model model)
    {
        if (!model.Scalarsets.Any(s => s.Interchangeable > 1))
        {
            return "symmetry: none (no scalarset with two interchangeable members)";
        }

        if (OrderDependenceCheck.Find(model) is { } reason)
        {
            return $"symmetry off: {reason}";
        }

        var reduction = For(model)!;
        return reduction.layout.SortsExactly
            ? "symmetry: canonical (members sorted by their rows)"
            : reduction.AlwaysCanonical
            ? "symmetry: canonical (sorted by signature, ties permuted)"
            : $"symmetry: canonical up to {MaxPermutations} tie permutations per state, else a heuristic normal form (not canonical: more states, still sound)";
    }

    /// <summary>
    /// The reduction for a model, or null when no scalarset has two interchangeable members, or
    /// when a loop over a scalarset may depend on the order of iteration (see <see cref="OrderDependenceCheck"/>).
    /// </summary>
    public static Symmetry? For(Model model) => For(model, MaxPermutations);

    /// <summary>As <see cref="For(Model)"/>, with another bound on tie permutations (tests force the heuristic with it).</summary>
    internal static Symmetry? For(Model model, int maxPermutations)
    {
        var sets = model.Scalarsets.Where(s => s.Interchangeable > 1).ToList();
        if (sets.Count == 0 || OrderDependenceCheck.Find(model) is not null)
        {
            return null;
        }

        return new Symmetry(new SymmetryLayout(model, sets), maxPermutations);
    }

    /// <summary>A reduction with buffers of its own over the same model, for another thread.</summary>
    public Symmetry Fork() => new(layout, maxPermutations, permute, fixes);

    /// <summary>Replaces <paramref name="state"/> by its representative.</summary>
    public void Canonicalize(int[] state)
    {
        if (layout.SortsExactly)
        {
            for (var k = 0; k < layout.Sets.Length; k++)
            {
                SortByRows(k, state);
            }

            ties.Clear();
            ties.Start();
            Apply(state, best);
            best.CopyTo(state, 0);
            return;
        }

        if (parent is not null)
        {
            SignaturesFromParent(state);
        }
        else
        {
            ComputeSignatures(state);
        }

        current = state;
        ties.Clear();
        for (var k = 0; k < layout.Sets.Length; k++)
        {
            SortBySignature(k);
        }

        var candidates = ties.Count;
        if (candidates > maxPermutations)
        {
            // Heuristic: the sort alone, ties in their present order.
            HeuristicStates++;
            candidates = 1;
            ties.Clear();
        }

        Permutations = Math.Max(Permutations, (int)candidates);
        ties.Start();
        if (candidates == 1 && SortedInPlace())
        {
            // Most successors of a canonical state keep its order: the state is its own image.
            return;
        }

        Apply(state, best);
        while (ties.Next())
        {
            Apply(state, scratch);
            if (scratch.AsSpan().SequenceCompareTo(best) < 0)
            {
                scratch.CopyTo(best, 0);
            }
        }

        best.CopyTo(state, 0);
    }

    /// <summary>True when every set's sorted order is the members' present order (the identity permutation).</summary>
    private bool SortedInPlace()
    {
        for (var k = 0; k < order.Length; k++)
        {
            var members = order[k];
            var first = layout.Sets[k].Fixed;
            for (var j = 0; j < members.Length; j++)
            {
                if (members[j] != first + j)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// States about to be canonicalised are successors of <paramref name="state"/> (null: no
    /// longer): their signatures are then the parent's, updated for the slots a step changed.
    /// The parent must not change until the next call.
    /// </summary>
    public void Expanding(int[]? state)
    {
        parent = state;
        if (state is null || layout.SortsExactly)
        {
            parent = null;
            return;
        }

        ComputeSignatures(state);
        for (var k = 0; k < signature.Length; k++)
        {
            signature[k].CopyTo(parentSignature[k], 0);
        }
    }

    // Signatures are sums over slots (mod 2^64): a changed slot takes its old value's terms out
    // and puts its new value's in.
    private void SignaturesFromParent(int[] state)
    {
        for (var k = 0; k < signature.Length; k++)
        {
            parentSignature[k].CopyTo(signature[k], 0);
        }

        var before = parent!;
        var mentionsOf = layout.MentionsOf;
        var mentionSet = layout.MentionSet;
        var mentionElement = layout.MentionElement;
        var mentionStart = layout.MentionTableStart;
        var table = layout.MentionTable;
        var low = layout.SlotLow;
        // A step changes few slots: find them by vectorized comparison rather than slot by slot.
        var s = -1;
        while (true)
        {
            s++;
            var same = state.AsSpan(s).CommonPrefixLength(before.AsSpan(s));
            s += same;
            if (s >= state.Length)
            {
                break;
            }

            var (old, now) = (before[s], state[s]);
            for (var m = mentionsOf[s]; m < mentionsOf[s + 1]; m++)
            {
                signature[mentionSet[m]][mentionElement[m]] += table[mentionStart[m] + now - low[s]] - table[mentionStart[m] + old - low[s]];
            }

            if (layout.HolderOf[s] is var h and >= 0)
            {
                var start = layout.HolderTableStart[h] - low[s];
                var set = layout.ValueSet[s];
                signature[set][old] -= layout.HolderTable[start + old];
                signature[set][now] += layout.HolderTable[start + now];
            }
        }
    }

    private void ComputeSignatures(int[] state)
    {
        for (var k = 0; k < signature.Length; k++)
        {
            Array.Clear(signature[k]);
        }

        // Slots that an element indexes: their value, as seen from that element (tabulated).
        var mentionSlot = layout.MentionSlot;
        var mentionSet = layout.MentionSet;
        var mentionElement = layout.MentionElement;
        var mentionStart = layout.MentionTableStart;
        var table = layout.MentionTable;
        var low = layout.SlotLow;
        for (var m = 0; m < mentionSlot.Length; m++)
        {
            var s = mentionSlot[m];
            signature[mentionSet[m]][mentionElement[m]] += table[mentionStart[m] + state[s] - low[s]];
        }

        // Slots that hold an element without it indexing them.
        var holders = layout.Holders;
        var holderStart = layout.HolderTableStart;
        var holderTable = layout.HolderTable;
        var valueSet = layout.ValueSet;
        for (var h = 0; h < holders.Length; h++)
        {
            var s = holders[h];
            var added = holderTable[holderStart[h] + state[s] - low[s]];
            if (added != 0)
            {
                signature[valueSet[s]][state[s]] += added;
            }
        }
    }

    /// <summary>Orders set k's interchangeable members by signature, then by position, and records the ties.</summary>
    private void SortBySignature(int k)
    {
        var set = layout.Sets[k];
        var members = order[k];
        var sig = signature[k];
        for (var j = 0; j < members.Length; j++)
        {
            members[j] = set.Fixed + j;
        }

        // Insertion sort for the usual few members; the framework's sort for many.
        if (members.Length <= 16)
        {
            for (var j = 1; j < members.Length; j++)
            {
                var m = members[j];
                var i = j - 1;
                while (i >= 0 && Before(m, members[i], sig))
                {
                    members[i + 1] = members[i];
                    i--;
                }

                members[i + 1] = m;
            }
        }
        else
        {
            Array.Sort(members, (a, b) => sig[a] != sig[b] ? sig[a].CompareTo(sig[b]) : a.CompareTo(b));
        }

        var start = 0;
        for (var j = 1; j <= members.Length; j++)
        {
            if (j == members.Length || sig[members[j]] != sig[members[start]])
            {
                // Members that tie and are interchangeable in this very state (swapping any two
                // leaves it as it is) give the same image in every order: no need to try them.
                if (j - start > 1 && !AllSwapsFix(k, members, start, j - start))
                {
                    ties.Add(k, start, j - start);
                }

                start = j;
            }
        }
    }

    /// <summary>Orders set k's interchangeable members by their rows (see <see cref="SymmetryLayout.SortsExactly"/>).</summary>
    private void SortByRows(int k, int[] state)
    {
        var set = layout.Sets[k];
        var members = order[k];
        var rows = layout.RowSegments[k];
        for (var j = 0; j < members.Length; j++)
        {
            members[j] = set.Fixed + j;
        }

        int Compare(int a, int b)
        {
            foreach (var (first, stride) in rows)
            {
                var ra = first + (a * stride);
                var rb = first + (b * stride);
                for (var j = 0; j < stride; j++)
                {
                    var c = state[ra + j].CompareTo(state[rb + j]);
                    if (c != 0)
                    {
                        return c;
                    }
                }
            }

            return a.CompareTo(b);
        }

        if (members.Length <= 16)
        {
            for (var j = 1; j < members.Length; j++)
            {
                var m = members[j];
                var i = j - 1;
                while (i >= 0 && Compare(m, members[i]) < 0)
                {
                    members[i + 1] = members[i];
                    i--;
                }

                members[i + 1] = m;
            }
        }
        else
        {
            Array.Sort(members, Compare);
        }
    }

    /// <summary>
    /// True when every adjacent transposition of the run (members at sorted positions
    /// start..start+length-1 of set k) leaves <see cref="current"/> unchanged: the transpositions
    /// generate the run's whole symmetric group, so every order of the run gives one image.
    /// </summary>
    private bool AllSwapsFix(int k, int[] members, int start, int length)
    {
        for (var j = start; j + 1 < start + length; j++)
        {
            if (!SwapFixes(k, members[j], members[j + 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when exchanging members a and b of set k maps <see cref="current"/> onto itself; stops at the first slot that differs.</summary>
    private bool SwapFixes(int k, int a, int b)
    {
        var p = swap[k];
        p[a] = b;
        p[b] = a;
        var fixes = this.fixes(current, swap);
        p[a] = a;
        p[b] = b;
        return fixes;
    }

    private static bool Before(int a, int b, ulong[] sig) => sig[a] < sig[b] || (sig[a] == sig[b] && a < b);

    /// <summary>Writes the image of <paramref name="state"/> under the current tie permutation into <paramref name="image"/>.</summary>
    private void Apply(int[] state, int[] image)
    {
        var sets = layout.Sets;
        for (var k = 0; k < sets.Length; k++)
        {
            var members = order[k];
            var p = perm[k];
            var first = sets[k].Fixed;
            for (var j = 0; j < members.Length; j++)
            {
                p[members[j]] = first + ties.Position(k, j);
            }
        }

        permute(state, image, perm);
    }

    private static long Factorial(int n)
    {
        var f = 1L;
        for (var k = 2; k <= n; k++)
        {
            f = SaturatingMul(f, k);
        }

        return f;
    }

    private static long SaturatingMul(long a, long b) => a > long.MaxValue / b ? long.MaxValue : a * b;
}
