using HvModel.Core.Ir;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// The permutations of scalarset members that a graph explored under symmetry meets on its
/// transitions (<see cref="IRenamingObserver"/>), each numbered once, 0 being the identity; and
/// what they do to action instances and to states. Without symmetry there is only the identity.
/// A permutation is kept flat: the rows of <see cref="Symmetry.Sets"/> one after another, each
/// member's image. The group is never enumerated: only the permutations met, and those composed
/// from them, are numbered.
/// </summary>
public sealed class Renamings
{
    private readonly Symmetry? symmetry;
    private readonly InstanceNumbering? numbering;
    private readonly int[] rowStart;
    private readonly List<int[]> flat = [];
    private readonly Dictionary<int[], int> ids = new(new RowsComparer());
    private readonly Dictionary<long, int> composed = [];

    // Products of the first permutations numbered, by table: the frames of a component compose
    // three times per transition, and a group as small as the flagship's (2! x 3!) fits whole.
    private const int Dense = 128;
    private readonly int[] dense = [.. Enumerable.Repeat(-1, Dense * Dense)];
    private readonly List<int> inverse = [];
    private readonly List<int[]?> instanceMaps = [];

    // Per action (by its first instance's number): the set each parameter ranges over (-1: none permuted).
    private readonly List<(int First, ActionDef Action, int[] ParameterSet)> actions = [];
    private readonly int[] scratch;

    /// <summary>Only the identity: a graph explored without symmetry.</summary>
    public static Renamings None { get; } = new(null, null);

    public Renamings(Model? model, Symmetry? symmetry)
    {
        this.symmetry = symmetry;
        var sets = symmetry?.Sets ?? [];
        rowStart = new int[sets.Count + 1];
        for (var k = 0; k < sets.Count; k++)
        {
            rowStart[k + 1] = rowStart[k] + sets[k].Size;
        }

        scratch = new int[rowStart[^1]];
        var identity = new int[rowStart[^1]];
        for (var k = 0; k < sets.Count; k++)
        {
            for (var m = 0; m < sets[k].Size; m++)
            {
                identity[rowStart[k] + m] = m;
            }
        }

        Add(identity);
        if (model is not null && symmetry is not null)
        {
            numbering = new InstanceNumbering(model);
            foreach (var action in model.Actions)
            {
                // A parameter's type is the very scalarset object the reduction permutes.
                actions.Add((numbering.First(action), action, [.. action.Parameters.Select(p => IndexOf(sets, p.Domain))]));
            }
        }
    }

    /// <summary>True when every permutation is the identity: there is no symmetry to follow.</summary>
    public bool Trivial => symmetry is null;

    /// <summary>The number of <paramref name="renaming"/> (rows as <see cref="Symmetry.Canonicalize(int[], ulong[], int[][])"/> writes them).</summary>
    public int Intern(int[][] renaming)
    {
        for (var k = 0; k < renaming.Length; k++)
        {
            renaming[k].CopyTo(scratch, rowStart[k]);
        }

        return ids.TryGetValue(scratch, out var id) ? id : Add([.. scratch]);
    }

    /// <summary><paramref name="a"/> after <paramref name="b"/>: first b, then a.</summary>
    public int Compose(int a, int b)
    {
        if (a == 0 || b == 0)
        {
            return a + b;
        }

        var small = a < Dense && b < Dense;
        if (small && dense[(a * Dense) + b] is var known and >= 0)
        {
            return known;
        }

        var key = ((long)a << 32) | (uint)b;
        if (!small && composed.TryGetValue(key, out var id))
        {
            return id;
        }

        var (pa, pb) = (flat[a], flat[b]);
        var result = new int[pa.Length];
        for (var k = 0; k + 1 < rowStart.Length; k++)
        {
            for (var i = rowStart[k]; i < rowStart[k + 1]; i++)
            {
                result[i] = pa[rowStart[k] + pb[i]];
            }
        }

        id = ids.TryGetValue(result, out var seen) ? seen : Add(result);
        if (small)
        {
            dense[(a * Dense) + b] = id;
        }
        else
        {
            composed[key] = id;
        }

        return id;
    }

    public int Inverse(int a)
    {
        if (inverse[a] >= 0)
        {
            return inverse[a];
        }

        var p = flat[a];
        var result = new int[p.Length];
        for (var k = 0; k + 1 < rowStart.Length; k++)
        {
            for (var i = rowStart[k]; i < rowStart[k + 1]; i++)
            {
                result[rowStart[k] + p[i]] = i - rowStart[k];
            }
        }

        var id = ids.TryGetValue(result, out var known) ? known : Add(result);
        inverse[a] = id;
        inverse[id] = a;
        return id;
    }

    /// <summary>The instance (model-wide number) that <paramref name="instance"/> becomes under permutation <paramref name="p"/>: its arguments renamed.</summary>
    public int Instance(int p, int instance)
    {
        if (p == 0)
        {
            return instance;
        }

        var map = instanceMaps[p] ??= InstanceMap(flat[p]);
        return map[instance];
    }

    /// <summary>The image of <paramref name="state"/> under permutation <paramref name="p"/>.</summary>
    public int[] State(int p, int[] state)
    {
        if (p == 0)
        {
            return state;
        }

        var rows = new int[rowStart.Length - 1][];
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k] = flat[p][rowStart[k]..rowStart[k + 1]];
        }

        return symmetry!.Rename(state, rows);
    }

    private int Add(int[] permutation)
    {
        var id = flat.Count;
        flat.Add(permutation);
        ids[permutation] = id;
        inverse.Add(id == 0 ? 0 : -1);
        instanceMaps.Add(null);
        return id;
    }

    private int[] InstanceMap(int[] p)
    {
        var map = new int[(int)numbering!.Count];
        foreach (var (first, action, parameterSet) in actions)
        {
            foreach (var instance in action.Instances())
            {
                var args = instance.Args.ToArray();
                for (var i = 0; i < args.Length; i++)
                {
                    if (parameterSet[i] is var k and >= 0)
                    {
                        args[i] = p[rowStart[k] + args[i]];
                    }
                }

                map[first + instance.Ordinal] = first + action.OrdinalOf(args);
            }
        }

        return map;
    }

    private static int IndexOf(IReadOnlyList<ScalarsetType> sets, ScalarType type)
    {
        for (var k = 0; k < sets.Count; k++)
        {
            if (ReferenceEquals(sets[k], type))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Permutations as keys, by their contents.</summary>
    private sealed class RowsComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
