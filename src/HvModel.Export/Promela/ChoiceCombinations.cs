namespace HvModel.Export.Promela;

/// <summary>The combinations of one value per choice a step may make, each written as a deterministic step of its own.</summary>
internal static class ChoiceCombinations
{
    /// <summary>Every combination of one ordinal per choice (0 for a choice over an empty type), the last choice varying fastest.</summary>
    public static IEnumerable<int[]> All(IReadOnlyList<int> domains)
    {
        var current = new int[domains.Count];
        while (true)
        {
            yield return (int[])current.Clone();
            var k = domains.Count - 1;
            for (; k >= 0; k--)
            {
                if (++current[k] < domains[k])
                {
                    break;
                }

                current[k] = 0;
            }

            if (k < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>How many combinations there are, or <paramref name="atMost"/> + 1 when there are more than that.</summary>
    public static long Count(IEnumerable<int> domains, long atMost) =>
        domains.Aggregate(1L, (n, d) => Math.Min(n * Math.Max(1, d), atMost + 1));
}
