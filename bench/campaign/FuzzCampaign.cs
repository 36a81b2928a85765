using HvModel.TestSupport.Fuzzing;

namespace HvModel.Campaign;

/// <summary>
/// Mutation fuzzing of the repository's models, case numbers FROM .. FROM+COUNT-1, in-process.
/// Before each case it writes the case to the marker file, so that a script can name the case
/// that killed the process (a stack overflow cannot be caught) and resume after it.
/// </summary>
internal static class FuzzCampaign
{
    public static int Run(Arguments a)
    {
        var corpus = Corpus.Load(a.Text("root", "."));
        var families = Families(a.Text("families", "suite"));
        var from = a.Number("from", 0);
        var count = a.Number("count", 1000);
        var marker = a.Text("marker", "");
        var failures = a.Text("failures", "");
        var log = a.Text("log", "");
        using var logWriter = log.Length > 0 ? new StreamWriter(log, append: true) { AutoFlush = true } : null;
        var mutator = new Mutator(corpus);
        using var harness = new FuzzHarness(corpus);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failed = 0;
        for (var seed = from; seed < from + count; seed++)
        {
            var family = MutationFamilies.Pick(families, seed);
            if (marker.Length > 0)
            {
                File.WriteAllText(marker, $"{seed} {family}\n");
            }

            var c = mutator.Create(seed, family);
            var result = harness.Run(c);
            logWriter?.WriteLine($"{seed} {family} {result.Outcome} {result.Elapsed.TotalSeconds:0.000}");
            counts[$"{family} {result.Outcome}"] = counts.GetValueOrDefault($"{family} {result.Outcome}") + 1;
            counts[$"all {result.Outcome}"] = counts.GetValueOrDefault($"all {result.Outcome}") + 1;
            if (result.Failed)
            {
                failed++;
                var saved = "";
                if (failures.Length > 0)
                {
                    Directory.CreateDirectory(failures);
                    saved = Path.Combine(failures, $"case{seed}-{family}{Path.GetExtension(c.Source)}");
                    File.WriteAllBytes(saved, c.Bytes);
                }

                Console.WriteLine($"FAIL {result}");
                Console.WriteLine($"  reproducer: campaign fuzzcase --seed {seed} --family {family} --out FILE (saved: {saved}); then hvmodel check FILE --max-states 500 --timeout 2");
            }
        }

        if (marker.Length > 0)
        {
            File.WriteAllText(marker, "done\n");
        }

        foreach (var (key, n) in counts)
        {
            Console.WriteLine($"count {key} {n}");
        }

        Console.WriteLine($"fuzz: cases {from} .. {from + count - 1}: ran {count}, failed {failed}");
        return failed == 0 ? 0 : 1;
    }

    public static int WriteCase(Arguments a)
    {
        var corpus = Corpus.Load(a.Text("root", "."));
        var family = Enum.Parse<MutationFamily>(a.Text("family", "TokenEdit"));
        var c = new Mutator(corpus).Create(a.Number("seed", 0), family);
        var output = a.Text("out", $"case{c.Seed}{Path.GetExtension(c.Source)}");
        File.WriteAllBytes(output, c.Bytes);
        Console.WriteLine($"{c} -> {output} (includes resolve from {c.Source}'s folder: put it there)");
        return 0;
    }

    private static IReadOnlyList<MutationFamily> Families(string spec) => spec switch
    {
        "suite" => MutationFamilies.Suite,
        "all" => MutationFamilies.All,
        "known" => MutationFamilies.KnownDefects,
        _ => [.. spec.Split(',').Select(Enum.Parse<MutationFamily>)],
    };
}
