using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Symmetry reduction over scalarsets (as in Murphi): a state is replaced by the least, in
/// lexicographic order, of its images under every permutation of every scalarset. Sound because
/// the binder only lets scalarset values be compared for equality, index arrays and be
/// quantified over, so permuting them maps behaviours to behaviours and keeps every property's
/// truth. A <c>for</c> loop over a scalarset whose effect depends on the order of iteration
/// would break that: such a model is checked without the reduction (<see cref="OrderDependenceCheck"/>).
/// </summary>
public sealed class Symmetry
{
    /// <summary>Above this many permutations the reduction costs more than it saves here.</summary>
    public const int MaxPermutations = 5040;

    private readonly int[][] destination;
    private readonly int[]?[][] valueMap;
    private readonly int[] scratch;
    private readonly int[] best;

    private Symmetry(int[][] destination, int[]?[][] valueMap, int slots)
    {
        this.destination = destination;
        this.valueMap = valueMap;
        scratch = new int[slots];
        best = new int[slots];
    }

    /// <summary>Number of permutations tried per state (1 means no reduction).</summary>
    public int Permutations => destination.Length;

    /// <summary>Why the last <see cref="For"/> gave no reduction, or how many permutations it tries.</summary>
    public static string Describe(Model model)
    {
        if (model.Scalarsets.All(s => s.Size <= 1))
        {
            return "symmetry: none (no scalarset)";
        }

        if (OrderDependenceCheck.Find(model) is { } reason)
        {
            return $"symmetry off: {reason}";
        }

        var reduction = For(model);
        return reduction is null
            ? $"symmetry off: more than {MaxPermutations} permutations"
            : $"symmetry: {reduction.Permutations} permutations";
    }

    /// <summary>
    /// The reduction for a model, or null when it has no scalarset worth permuting, when too many
    /// permutations would cost more than they save, or when a loop over a scalarset may depend on
    /// the order of iteration (see <see cref="OrderDependenceCheck"/>).
    /// </summary>
    public static Symmetry? For(Model model)
    {
        var sets = model.Scalarsets.Where(s => s.Size > 1).ToList();
        if (sets.Count == 0 || OrderDependenceCheck.Find(model) is not null)
        {
            return null;
        }

        // Every combination of one permutation per scalarset.
        var combos = new List<Dictionary<ScalarsetType, int[]>> { new() };
        foreach (var set in sets)
        {
            var perms = Permute(set.Size).ToList();
            if ((long)combos.Count * perms.Count > MaxPermutations)
            {
                return null;
            }

            combos = [.. combos.SelectMany(c => perms.Select(p => new Dictionary<ScalarsetType, int[]>(c) { [set] = p }))];
        }

        var slots = model.Slots;
        var destination = new int[combos.Count][];
        var valueMap = new int[]?[combos.Count][];
        for (var k = 0; k < combos.Count; k++)
        {
            destination[k] = new int[slots.Length];
            valueMap[k] = new int[]?[slots.Length];
            foreach (var slot in slots)
            {
                destination[k][slot.Index] = ImageSlot(slot, combos[k]);
                valueMap[k][slot.Index] = slot.Type is ScalarsetType st && combos[k].TryGetValue(st, out var p) ? p : null;
            }
        }

        return new Symmetry(destination, valueMap, slots.Length);
    }

    /// <summary>Replaces <paramref name="state"/> by the canonical member of its orbit.</summary>
    public void Canonicalize(int[] state)
    {
        var best = this.best;
        state.CopyTo(best, 0);
        for (var k = 1; k < destination.Length; k++)
        {
            var dest = destination[k];
            var values = valueMap[k];
            for (var s = 0; s < state.Length; s++)
            {
                var map = values[s];
                scratch[dest[s]] = map is null ? state[s] : map[state[s]];
            }

            if (scratch.AsSpan().SequenceCompareTo(best) < 0)
            {
                scratch.CopyTo(best, 0);
            }
        }

        best.CopyTo(state, 0);
    }

    private static int ImageSlot(Slot slot, Dictionary<ScalarsetType, int[]> perm)
    {
        var index = slot.Var.FirstSlot;
        HvType type = slot.Var.Type;
        foreach (var value in slot.Path)
        {
            var array = (ArrayType)type;
            var image = array.Index is ScalarsetType st && perm.TryGetValue(st, out var p) ? p[value] : value;
            index += array.Index.OrdinalOf(image) * Types.SlotCount(array.Element);
            type = array.Element;
        }

        return index;
    }

    private static IEnumerable<int[]> Permute(int n)
    {
        // Heap's algorithm, identity first.
        var a = Enumerable.Range(0, n).ToArray();
        var c = new int[n];
        yield return (int[])a.Clone();
        var i = 0;
        while (i < n)
        {
            if (c[i] < i)
            {
                var j = i % 2 == 0 ? 0 : c[i];
                (a[j], a[i]) = (a[i], a[j]);
                yield return (int[])a.Clone();
                c[i]++;
                i = 0;
            }
            else
            {
                c[i] = 0;
                i++;
            }
        }
    }
}
