using System.Diagnostics;
using HvModel.TestSupport.Differential;
using HvModel.TestSupport.Generation;

namespace HvModel.Campaign;

/// <summary>
/// Differential testing on generated models FROM .. FROM+COUNT-1 (the model of number n is
/// <c>ModelGenerator.FromSeed(n)</c>; <c>campaign generate --seed n</c> prints it).
/// </summary>
internal static class DifferentialCampaign
{
    public static int Run(Arguments a)
    {
        var small = a.Flag("small");
        var generator = small ? ModelGenerator.Small : ModelGenerator.Default;
        var runner = new DifferentialRunner
        {
            Depth = (int)a.Number("depth", small ? 6UL : 8UL),
            SymbolicEngines = a.Text("engines", "bmc").Split(',', StringSplitOptions.RemoveEmptyEntries),
            SymbolicOnLastVariantOnly = a.Flag("last-variant"),
            SymbolicProperties = (int)a.Number("properties", int.MaxValue),
        };
        var from = a.Number("from", 0);
        var count = (int)a.Number("count", 100);
        var jobs = (int)a.Number("jobs", 2);
        var clock = Stopwatch.StartNew();
        var reports = new DifferentialReport?[count];
        var errors = new string?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
        {
            var model = generator.FromSeed(from + (ulong)i);
            try
            {
                reports[i] = runner.Compare(model);
            }
            catch (Exception e)
            {
                errors[i] = $"{e.GetType().Name}: {e.Message}";
            }
        });

        var failed = 0;
        for (var i = 0; i < count; i++)
        {
            var seed = from + (ulong)i;
            if (errors[i] is { } error)
            {
                failed++;
                Console.WriteLine($"FAIL model {seed}: {error}");
            }
            else if (reports[i]!.Disagreements.Count > 0)
            {
                failed++;
                Console.WriteLine($"FAIL model {seed}: {string.Join("; ", reports[i]!.Disagreements)}");
            }
            else
            {
                continue;
            }

            Console.WriteLine($"  reproducer: campaign generate --seed {seed}{(small ? " --small" : "")} > m.hvm; then hvmodel check m.hvm --engine ENGINE --depth {runner.Depth}");
        }

        var done = reports.Where(r => r is not null).ToList();
        Console.WriteLine($"differential ({string.Join(", ", ["explicit", "explicit --no-symmetry", .. runner.SymbolicEngines])}; depth {runner.Depth}): " +
            $"models {from} .. {from + (ulong)count - 1}: ran {count}, failed {failed}, properties compared {done.Sum(r => r!.Compared)}, " +
            $"unknown {done.Sum(r => r!.Unknowns)}, skipped {done.Sum(r => r!.Skipped)}, known disagreement (KnownDisagreementTests) {done.Sum(r => r!.KnownDisagreements)}, runs ending in an agreed model error {done.Sum(r => r!.ModelErrors)}, " +
            $"{clock.Elapsed.TotalSeconds:0.0} s");
        return failed == 0 ? 0 : 1;
    }
}
