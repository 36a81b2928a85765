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

    // The runs, as parallel arrays (at most one run per two members), and each one's counter.
    private readonly int[] runSet;
    private readonly int[] runStart;
    private readonly int[] runLength;
    private readonly int[] counter;
    private int runs;

    private readonly int[][] position;

    public TiePermutations(IReadOnlyList<int> sizes, long limit)
    {
        this.limit = limit;
        position = [.. sizes.Select(n => Enumerable.Range(0, n).ToArray())];
        var most = Math.Max(1, sizes.Sum() / 2);
        runSet = new int[most];
        runStart = new int[most];
        runLength = new int[most];
        counter = new int[most];
    }

    /// <summary>Combinations to try (saturated just above the limit).</summary>
    public long Count { get; private set; } = 1;

    /// <summary>
    /// No runs: the one combination puts every member at its sorted position. The positions of
    /// the runs of before are reset here (an enumeration run to its end leaves them so already).
    /// </summary>
    public void Clear()
    {
        for (var r = 0; r < runs; r++)
        {
            var place = position[runSet[r]];
            for (var j = runStart[r]; j < runStart[r] + runLength[r]; j++)
            {
                place[j] = j;
            }

            counter[r] = 0;
        }

        runs = 0;
        Count = 1;
    }

    /// <summary>Members at sorted positions start..start+length-1 of set k tie.</summary>
    public void Add(int set, int start, int length)
    {
        runSet[runs] = set;
        runStart[runs] = start;
        runLength[runs] = length;
        runs++;
        for (var f = 2; f <= length && Count <= limit; f++)
        {
            Count *= f;
        }

        Count = Math.Min(Count, limit + 1);
    }

    /// <summary>Moves to the next combination; false after the last, which is the first again.</summary>
    public bool Next()
    {
        for (var r = 0; r < runs; r++)
        {
            var (start, length) = (runStart[r], runLength[r]);
            var table = Tables[length];
            var next = counter[r] + 1 == table.Length ? 0 : counter[r] + 1;
            counter[r] = next;
            var chosen = table[next];
            var place = position[runSet[r]];
            for (var j = 0; j < length; j++)
            {
                place[start + j] = start + chosen[j];
            }

            if (next != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Set k's new positions: the member sorted at j goes to Positions(k)[j]. Read only; valid
    /// until the next <see cref="Clear"/> or <see cref="Next"/>.
    /// </summary>
    public int[] Positions(int set) => position[set];

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
