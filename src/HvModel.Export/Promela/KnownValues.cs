using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// The values a step being written has put at known places: a literal assigned to a variable,
/// or to an element whose offset is known. A later read of such a place in the same step is
/// that literal. After an <c>if</c> decided at run time, a place keeps its value only when
/// every branch that goes on left the same one.
/// </summary>
internal sealed class KnownValues
{
    private Dictionary<(StateVar Var, int Offset), int> values = [];

    public bool TryGet(StateVar v, int offset, out int value) => values.TryGetValue((v, offset), out value);

    /// <summary>An assignment to <paramref name="v"/> at <paramref name="offset"/> (null: unknown) of <paramref name="value"/> (null: known only at run time).</summary>
    public void Assigned(StateVar v, int? offset, int? value)
    {
        if (offset is not { } k)
        {
            foreach (var key in values.Keys.Where(key => key.Var == v).ToList())
            {
                values.Remove(key);
            }

            return;
        }

        if (value is { } x)
        {
            values[(v, k)] = x;
        }
        else
        {
            values.Remove((v, k));
        }
    }

    public IReadOnlyDictionary<(StateVar Var, int Offset), int> Save() => new Dictionary<(StateVar Var, int Offset), int>(values);

    public void Restore(IReadOnlyDictionary<(StateVar Var, int Offset), int> saved) => values = new(saved);

    public void Clear() => values.Clear();

    /// <summary>What holds after branches that ended in <paramref name="states"/>: the places with the same value in all.</summary>
    public void RestoreMeet(IReadOnlyList<IReadOnlyDictionary<(StateVar Var, int Offset), int>> states)
    {
        values = states.Count == 0 ? [] : states[0].Where(e => states.All(s => s.TryGetValue(e.Key, out var v) && v == e.Value)).ToDictionary(e => e.Key, e => e.Value);
    }
}
