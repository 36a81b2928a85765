namespace HvModel.Explicit;

/// <summary>
/// The permutations within runs of tied members, one run after another as a mixed-radix
/// counter: every combination of one permutation per run, without allocating. Positions are
/// within a set's sorted interchangeable members.
/// </summary>
internal sealed class TiePermutations
{
    /// <summary>All permutations of 0..n-1 for the run lengths that can be enumerated (n! within the limit).</summary>
    private static readonly int[][][] Tables = [.. Enumerable.Range(0, 8).Select(AllPermutations)];

    private readonly long limit;
    private readonly List<(int Set, int Start, int Length)> runs = [];
    private readonly List<int> counter = [];
    private readonly int[][] position;

    public TiePermutations(IReadOnlyList<int> sizes, long limit)
    {
        this.limit = limit;
        position = [.. sizes.Select(n => new int[n])];
    }

    /// <summary>Combinations to try (saturated just above the limit).</summary>
    public long Count { get; private set; } = 1;

    public void Clear()
    {
        runs.Clear();
        Count = 1;
    }

    /// <summary>Members at sorted positions start..start+length-1 of set k tie.</summary>
    public void Add(int set, int start, int length)
    {
        runs.Add((set, start, length));
        for (var f = 2; f <= length && Count <= limit; f++)
        {
            Count *= f;
        }

        Count = Math.Min(Count, limit + 1);
    }

    /// <summary>Sets the first combination: every member at its sorted position.</summary>
    public void Start()
    {
        foreach (var p in position)
        {
            for (var j = 0; j < p.Length; j++)
            {
                p[j] = j;
            }
        }

        counter.Clear();
        for (var r = 0; r < runs.Count; r++)
        {
            counter.Add(0);
        }
    }

    /// <summary>Moves to the next combination; false after the last.</summary>
    public bool Next()
    {
        for (var r = 0; r < runs.Count; r++)
        {
            var (set, start, length) = runs[r];
            var table = Tables[length];
            counter[r] = (counter[r] + 1) % table.Length;
            var chosen = table[counter[r]];
            for (var j = 0; j < length; j++)
            {
                position[set][start + j] = start + chosen[j];
            }

            if (counter[r] != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The new position of the member sorted at <paramref name="j"/> in set <paramref name="set"/>.</summary>
    public int Position(int set, int j) => position[set][j];

    private static int[][] AllPermutations(int n)
    {
        var result = new List<int[]>();
        var a = Enumerable.Range(0, n).ToArray();
        Generate(0);
        return [.. result];

        void Generate(int k)
        {
            if (k == n)
            {
                result.Add((int[])a.Clone());
                return;
            }

            for (var i = k; i < n; i++)
            {
                (a[k], a[i]) = (a[i], a[k]);
                Generate(k + 1);
                (a[k], a[i]) = (a[i], a[k]);
            }
        }
    }
}
