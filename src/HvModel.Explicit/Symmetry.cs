using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit.Compiled;

namespace HvModel.Explicit;

/// <summary>
/// Symmetry reduction over scalarsets, normalised as Murphi and Rumur do: the interchangeable
/// members of each scalarset are sorted by a signature of their slice of the state (the
/// elements of arrays they index, and the variables that hold them). Members whose signatures
/// tie are told apart, where they can be, by the signatures of the members they share slots
/// with (<see cref="SymmetryRefinement"/>); only those that still tie are permuted, and the
/// least image, in lexicographic order, among those permutations is the state's
/// representative. Distinguished members never move.
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
public sealed partial class Symmetry
{
    /// <summary>Most tie permutations tried for one state before the heuristic normal form.</summary>
    public const int MaxPermutations = 5040;

    private readonly SymmetryLayout layout;
    private readonly int maxPermutations;
    private readonly TiePermutations ties;
    // Every member's signature, set after set (SymmetryLayout.SetOffset): signatures.Values.
    private readonly ulong[] signature;
    private readonly int[][] order;
    private readonly int[][] perm;

    // The packed image under perm (inverse: its inverse), and whether perm fixes a state:
    // compiled once per model and shared by forks (they keep no state).
    private readonly Action<int[], int[][], int[][], ulong[]> image;
    private readonly Func<int[], int[][], bool> fixes;
    private readonly StateCodec codec;
    private readonly int[][] inverse;
    private readonly ulong[] candidate;
    private readonly ulong[] least;

    // Refined signatures for ties (shared by forks: it keeps no state), and the keys of a run.
    private readonly SymmetryRefinement refinement;
    private readonly ulong[] refinedKeys;

    // The identity on every set but for one transposition at a time (see SwapFixes).
    private readonly int[][] swap;

    // The state being canonicalised.
    private int[] current = [];

    // Every member's signature, from the parent's when successors are canonicalised.
    private readonly MemberSignatures signatures;

    // Successors repeat: their representatives are remembered, keyed by the packed state (raw).
    private readonly CanonicalMemo memo;
    private readonly Action<int[], ulong[]> pack;
    private readonly ulong[] raw;

    private Symmetry(SymmetryLayout layout, StateCodec codec, int maxPermutations, SymmetryRefinement? refinement = null, Action<int[], int[][], int[][], ulong[]>? image = null, Func<int[], int[][], bool>? fixes = null, Action<int[], ulong[]>? pack = null)
    {
        this.layout = layout;
        this.pack = pack ?? CompiledPacker.Compile(codec);
        raw = new ulong[codec.Words];
        memo = new CanonicalMemo(codec.Words);
        this.refinement = refinement ?? new SymmetryRefinement(layout);
        refinedKeys = new ulong[layout.Sets.Max(set => set.Interchangeable)];
        this.codec = codec;
        this.image = image ?? CompiledPermutation.CompileImage(layout, codec);
        this.fixes = fixes ?? CompiledPermutation.CompileFixes(layout);
        this.maxPermutations = maxPermutations;
        var sets = layout.Sets;
        signatures = new MemberSignatures(layout);
        signature = signatures.Values;
        order = [.. sets.Select(s => new int[s.Interchangeable])];
        perm = [.. sets.Select(s => Enumerable.Range(0, s.Size).ToArray())];
        inverse = [.. sets.Select(s => Enumerable.Range(0, s.Size).ToArray())];
        swap = [.. sets.Select(s => Enumerable.Range(0, s.Size).ToArray())];
        ties = new TiePermutations([.. sets.Select(s => s.Interchangeable)], maxPermutations);
        candidate = new ulong[codec.Words];
        least = new ulong[codec.Words];
    }

    /// <summary>True when members are sorted by their rows, which gives the least image over the whole group.</summary>
    internal bool SortsExactly => layout.SortsExactly;

    /// <summary>The most permutations tried for one state so far (1 means no tie to break).</summary>
    public int Permutations { get; private set; } = 1;

    /// <summary>States normalised by the heuristic, non-canonical form so far.</summary>
    public long HeuristicStates { get; private set; }

    /// <summary>How the reduction works on this model, for the report header.</summary>
    public static string Describe(Model model)
    {
        // A scalarset in blocks of more than one has every member fixed: permutations of whole
        // blocks are sound but not applied, and the header says so.
        var blocks = string.Concat(model.Scalarsets.Where(s => s.Block > 1).Select(s => $"; {s.Name} is in blocks of {s.Block}, every member fixed"));
        if (!model.Scalarsets.Any(s => s.Interchangeable > 1))
        {
            return $"symmetry: none (no scalarset with two interchangeable members{blocks})";
        }

        if (OrderDependenceCheck.Find(model) is { } reason)
        {
            return $"symmetry off: {reason}";
        }

        // The layout and the group's order tell: nothing needs compiling.
        var sets = model.Scalarsets.Where(s => s.Interchangeable > 1).ToList();
        return (new SymmetryLayout(model, sets).SortsExactly
            ? "symmetry: canonical (members sorted by their rows"
            : OrderOf(sets) <= MaxPermutations
            ? "symmetry: canonical (sorted by signature, ties permuted"
            : $"symmetry: canonical up to {MaxPermutations} tie permutations per state, else a heuristic normal form (not canonical: more states, still sound") + blocks + ")";
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

        return new Symmetry(new SymmetryLayout(model, sets), new StateCodec(model.Slots), maxPermutations);
    }

    /// <summary>A reduction with buffers of its own over the same model, for another thread.</summary>
    public Symmetry Fork() => new(layout, codec, maxPermutations, refinement, image, fixes, pack);

    /// <summary>Replaces <paramref name="state"/> by its representative.</summary>
    public void Canonicalize(int[] state)
    {
        Canonicalize(state, least);
        codec.Unpack(least, state);
    }

    /// <summary>
    /// Packs the representative of <paramref name="state"/> into <paramref name="packed"/>, as
    /// <see cref="StateCodec.Pack"/> would pack it; the state itself is left as it is. The least
    /// image is the least packed one, which is the least state slot by slot (see <see cref="StateCodec"/>).
    /// </summary>
    public void Canonicalize(int[] state, ulong[] packed)
    {
        if (!signatures.Expanding)
        {
            // Not a successor (an initial state, a step of a trace): those do not repeat.
            Compute(state, packed);
            return;
        }

        pack(state, raw);
        if (memo.TryGet(raw, packed))
        {
            return;
        }

        Compute(state, packed);
        memo.Put(raw, packed);
    }

    /// <summary>States canonicalized so far, and how many of them the memo answered.</summary>
    public (long States, long Remembered) MemoUse => (memo.Hits + memo.Misses, memo.Hits);

    /// <summary>
    /// The representative of <paramref name="state"/>, packed; with <paramref name="renaming"/>,
    /// also the permutation whose image it is (see <see cref="Canonicalize(int[], ulong[], int[][])"/>).
    /// </summary>
    private void Compute(int[] state, ulong[] packed, int[][]? renaming = null)
    {
        if (layout.SortsExactly)
        {
            for (var k = 0; k < layout.Sets.Length; k++)
            {
                SortByRows(k, state);
            }

            ties.Clear();
            Image(state, packed);
            Record(renaming);
            return;
        }

        signatures.Of(state);

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
        Image(state, packed);
        Record(renaming);
        while (ties.Next())
        {
            Image(state, candidate);
            if (Less(candidate, packed))
            {
                candidate.CopyTo(packed, 0);
                Record(renaming);
            }
        }
    }

    private static bool Less(ulong[] a, ulong[] b)
    {
        for (var w = 0; w < a.Length; w++)
        {
            if (a[w] != b[w])
            {
                return a[w] < b[w];
            }
        }

        return false;
    }

    /// <summary>
    /// States about to be canonicalised are successors of <paramref name="state"/> (null: no
    /// longer): their signatures are then the parent's, updated for the slots a step changed.
    /// The parent must not change until the next call.
    /// </summary>
    public void Expanding(int[]? state) => signatures.Expand(state);

    /// <summary>Orders set k's interchangeable members by signature, then by position, and records the ties.</summary>
    private void SortBySignature(int k)
    {
        var members = order[k];
        var first = layout.SetFixed[k];
        var offset = layout.SetOffset[k];
        var sig = signature;

        for (var j = 0; j < members.Length; j++)
        {
            members[j] = first + j;
        }

        // Insertion sort for the usual few members; the framework's sort for many. Members are
        // in order of position to begin with, so a stable sort by signature breaks ties by it.
        if (members.Length <= 16)
        {
            for (var j = 1; j < members.Length; j++)
            {
                var m = members[j];
                var key = sig[offset + m];
                var i = j - 1;
                while (i >= 0 && key < sig[offset + members[i]])
                {
                    members[i + 1] = members[i];
                    i--;
                }

                members[i + 1] = m;
            }
        }
        else
        {
            SortMany(members, sig, offset);
        }

        var start = 0;
        for (var j = 1; j <= members.Length; j++)
        {
            if (j == members.Length || sig[offset + members[j]] != sig[offset + members[start]])
            {
                // Members that tie and are interchangeable in this very state (swapping any two
                // leaves it as it is) give the same image in every order: no need to try them.
                if (j - start > 1 && !AllSwapsFix(k, members, start, j - start))
                {
                    Refine(k, members, start, j - start);
                }

                start = j;
            }
        }
    }

    /// <summary>
    /// Orders the tied run of set k at sorted positions start..start+length-1 by the members'
    /// refined signatures (see <see cref="SymmetryRefinement"/>), then by position, and records
    /// what still ties.
    /// </summary>
    private void Refine(int k, int[] members, int start, int length)
    {
        var keys = refinedKeys;
        for (var j = start; j < start + length; j++)
        {
            keys[j] = refinement.Refined(k, members[j], current, signature);
        }

        // Insertion sort of the run, keys alongside; the run is in order of position, so ties keep it.
        for (var j = start + 1; j < start + length; j++)
        {
            var (m, key) = (members[j], keys[j]);
            var i = j - 1;
            while (i >= start && key < keys[i])
            {
                (members[i + 1], keys[i + 1]) = (members[i], keys[i]);
                i--;
            }

            (members[i + 1], keys[i + 1]) = (m, key);
        }

        var first = start;
        for (var j = start + 1; j <= start + length; j++)
        {
            if (j == start + length || keys[j] != keys[first])
            {
                if (j - first > 1 && !AllSwapsFix(k, members, first, j - first))
                {
                    ties.Add(k, first, j - first);
                }

                first = j;
            }
        }
    }

    // Apart, so that the closure is allocated only for many members, not on every call.
    private static void SortMany(int[] members, ulong[] sig, int offset) =>
        Array.Sort(members, (a, b) => sig[offset + a] != sig[offset + b] ? sig[offset + a].CompareTo(sig[offset + b]) : a.CompareTo(b));

    /// <summary>Orders set k's interchangeable members by their rows (see <see cref="SymmetryLayout.SortsExactly"/>).</summary>
    private void SortByRows(int k, int[] state)
    {
        var members = order[k];
        var rows = layout.RowSegments[k];
        var first = layout.SetFixed[k];
        for (var j = 0; j < members.Length; j++)
        {
            members[j] = first + j;
        }

        if (members.Length <= 16)
        {
            for (var j = 1; j < members.Length; j++)
            {
                var m = members[j];
                var i = j - 1;
                while (i >= 0 && CompareRows(state, rows, m, members[i]) < 0)
                {
                    members[i + 1] = members[i];
                    i--;
                }

                members[i + 1] = m;
            }
        }
        else
        {
            SortManyByRows(members, state, rows);
        }
    }

    private static void SortManyByRows(int[] members, int[] state, List<(int First, int Stride)> rows) =>
        Array.Sort(members, (a, b) => CompareRows(state, rows, a, b));

    /// <summary>Members a and b of a set in the order of their rows, then of their ordinals.</summary>
    private static int CompareRows(int[] state, List<(int First, int Stride)> rows, int a, int b)
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

    /// <summary>Packs the image of <paramref name="state"/> under the current tie permutation into <paramref name="packed"/>.</summary>
    private void Image(int[] state, ulong[] packed)
    {
        for (var k = 0; k < order.Length; k++)
        {
            var members = order[k];
            var q = inverse[k];
            var first = layout.SetFixed[k];
            var positions = ties.Positions(k);
            for (var j = 0; j < members.Length; j++)
            {
                q[first + positions[j]] = members[j];
            }

            // The image renames held members by the permutation itself: only then is it needed.
            if (layout.SetHeld[k])
            {
                var p = perm[k];
                for (var j = 0; j < members.Length; j++)
                {
                    p[members[j]] = first + positions[j];
                }
            }
        }

        image(state, perm, inverse, packed);
    }

    /// <summary>The order of the group that permutes the interchangeable members of <paramref name="sets"/>, saturated.</summary>
    private static long OrderOf(IEnumerable<ScalarsetType> sets) => sets.Aggregate(1L, (acc, s) => SaturatingMul(acc, Factorial(s.Interchangeable)));

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
