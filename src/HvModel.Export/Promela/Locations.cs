using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// State locations a step writes (or an expression reads): per variable, the elements of its flattened storage whose
/// offsets were known while writing, or the whole variable when some offset was computed by pan.
/// </summary>
internal sealed class Locations
{
    // null: the whole variable.
    private readonly Dictionary<StateVar, SortedSet<int>?> written = [];

    /// <summary>Element <paramref name="offset"/> of <paramref name="v"/>, or all of it when the offset is not known.</summary>
    public void Add(StateVar v, int? offset)
    {
        if (v.Type is not ArrayType || offset is null)
        {
            written[v] = null;
            return;
        }

        if (!written.TryGetValue(v, out var elements))
        {
            written[v] = [offset.Value];
        }
        else
        {
            elements?.Add(offset.Value);
        }
    }

    public void UnionWith(Locations other)
    {
        foreach (var (v, elements) in other.written)
        {
            if (elements is null)
            {
                Add(v, null);
                continue;
            }

            foreach (var k in elements)
            {
                Add(v, k);
            }
        }
    }

    /// <summary>True when some slot is in both.</summary>
    public bool Intersects(Locations other)
    {
        foreach (var (v, elements) in written)
        {
            if (other.written.TryGetValue(v, out var theirs) && (elements is null || theirs is null || elements.Overlaps(theirs)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The slots written, in the order of <paramref name="declared"/>: per variable, the offsets
    /// into its flattened storage (null for a scalar variable).
    /// </summary>
    public IEnumerable<(StateVar Var, IEnumerable<int>? Offsets)> InOrder(IEnumerable<StateVar> declared)
    {
        foreach (var v in declared)
        {
            if (!written.TryGetValue(v, out var elements))
            {
                continue;
            }

            yield return (v, v.Type is not ArrayType ? null : elements ?? Enumerable.Range(0, Types.SlotCount(v.Type)));
        }
    }
}
