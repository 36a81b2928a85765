using HvModel.Core.Ir;

namespace HvModel.Tests.Reduction;

/// <summary>
/// The reduction as it was before the sorting one (kept here as the oracle): the least image,
/// in lexicographic order, over every permutation of every scalarset's interchangeable
/// members. Exponential, so only for small test models.
/// </summary>
public sealed class PermutationCanonicalForm
{
    private readonly int[][] destination;
    private readonly int[]?[][] valueMap;

    public PermutationCanonicalForm(Model model)
    {
        var combos = new List<Dictionary<ScalarsetType, int[]>> { new() };
        foreach (var set in model.Scalarsets.Where(s => s.Interchangeable > 1))
        {
            var perms = Permute(set).ToList();
            combos = [.. combos.SelectMany(c => perms.Select(p => new Dictionary<ScalarsetType, int[]>(c) { [set] = p }))];
        }

        var slots = model.Slots;
        destination = new int[combos.Count][];
        valueMap = new int[]?[combos.Count][];
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
    }

    /// <summary>Number of group elements.</summary>
    public int GroupSize => destination.Length;

    /// <summary>The image of <paramref name="state"/> under group element <paramref name="k"/>.</summary>
    public int[] Image(int[] state, int k)
    {
        var image = new int[state.Length];
        for (var s = 0; s < state.Length; s++)
        {
            var map = valueMap[k][s];
            image[destination[k][s]] = map is null ? state[s] : map[state[s]];
        }

        return image;
    }

    /// <summary>The least image over the whole group.</summary>
    public int[] Canonical(int[] state)
    {
        var best = (int[])state.Clone();
        for (var k = 1; k < GroupSize; k++)
        {
            var image = Image(state, k);
            if (image.AsSpan().SequenceCompareTo(best) < 0)
            {
                best = image;
            }
        }

        return best;
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

    /// <summary>Every permutation of the set's members that fixes the distinguished ones.</summary>
    private static IEnumerable<int[]> Permute(ScalarsetType set)
    {
        var free = Enumerable.Range(set.Fixed, set.Interchangeable).ToArray();
        return Arrangements(free).Select(a => Enumerable.Range(0, set.Fixed).Concat(a).ToArray());
    }

    private static IEnumerable<int[]> Arrangements(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Arrangements(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
