namespace HvModel.TestSupport.Fuzzing;

/// <summary>Which families run where, and how often each is drawn.</summary>
public static class MutationFamilies
{
    /// <summary>
    /// Families that hit known, not yet fixed defects, kept out of <c>dotnet test</c> (a crash
    /// kills the test host). Empty: the four found so far (huge chains, a NUL in an include,
    /// huge domains, 10 MB of variables) are fixed, and their tests in MutationFuzzTests run.
    /// </summary>
    public static IReadOnlyList<MutationFamily> KnownDefects { get; } = [];

    /// <summary>Families safe for <c>dotnet test</c>: every family but the known defects.</summary>
    public static IReadOnlyList<MutationFamily> Suite { get; } =
        [.. Enum.GetValues<MutationFamily>().Where(f => !KnownDefects.Contains(f))];

    public static IReadOnlyList<MutationFamily> All { get; } = Enum.GetValues<MutationFamily>();

    /// <summary>Relative frequency: 10 MB files and huge chains are costly, so they are drawn rarely.</summary>
    public static int Weight(MutationFamily family) => family switch
    {
        MutationFamily.HugeFile or MutationFamily.HugeFileOfVariables => 1,
        MutationFamily.LongLine => 10,
        MutationFamily.HugeChain => 5,
        MutationFamily.HugeDomain => 10,
        MutationFamily.NulInInclude => 10,
        MutationFamily.TokenEdit => 120,
        _ => 40,
    };

    /// <summary>The family of a case number: a deterministic weighted draw among <paramref name="families"/>.</summary>
    public static MutationFamily Pick(IReadOnlyList<MutationFamily> families, ulong seed)
    {
        var total = families.Sum(Weight);
        var r = (int)(Mix(seed) % (ulong)total);
        foreach (var f in families)
        {
            r -= Weight(f);
            if (r < 0)
            {
                return f;
            }
        }

        return families[^1];
    }

    /// <summary>A 64-bit mixer (splitmix64's finaliser), so that neighbouring seeds pick unrelated families.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
