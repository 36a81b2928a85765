using CsCheck;
using HvModel.TestSupport.Differential;
using HvModel.TestSupport.Generation;
using Xunit.Abstractions;

namespace HvModel.Symbolic.Tests.Differential;

/// <summary>
/// Differential testing on generated models (<see cref="ModelGenerator"/>): the explicit engine
/// with and without symmetry and bmc on 500 models, k-induction and pdr on 100 small ones. They
/// must agree on every verdict, on the length of every shortest counterexample up to the bound,
/// and on the model errors that end a run. Unknowns are counted and printed, not failed.
/// bench/differential.sh runs 10,000 models with every variant and property.
/// </summary>
public sealed class GeneratedModelDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Explicit_with_and_without_symmetry_and_bmc_agree_on_500_generated_models()
    {
        // Every variant for the explicit runs; bmc on the last variant and two of its properties,
        // since each solver process costs about 0.1 s of CPU.
        var runner = new DifferentialRunner { Depth = 6, SymbolicEngines = ["bmc"], SymbolicOnLastVariantOnly = true, SymbolicProperties = 2 };
        Run(ModelGenerator.Default, runner, 500);
    }

    [Fact]
    public void Kind_and_pdr_agree_with_explicit_on_100_small_generated_models()
    {
        var runner = new DifferentialRunner { Depth = 5, SymbolicEngines = ["kind", "pdr"], SymbolicOnLastVariantOnly = true, SymbolicProperties = 1 };
        Run(ModelGenerator.Small, runner, 100);
    }

    private void Run(ModelGenerator generator, DifferentialRunner runner, int models)
    {
        // Fixed seeds, so that a red run is a bug and not a draw: seeds 1 .. models, and the
        // seed of each model that once disagreed (bench/differential.sh explores new seeds).
        ulong[] seeds = [.. Enumerable.Range(1, models).Select(i => (ulong)i), .. FoundBySeeds];
        long compared = 0, unknowns = 0, skipped = 0, errors = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(seeds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var m = generator.FromSeed(seed);
            var report = runner.Compare(m);
            Interlocked.Add(ref compared, report.Compared);
            Interlocked.Add(ref unknowns, report.Unknowns);
            Interlocked.Add(ref skipped, report.Skipped);
            Interlocked.Add(ref errors, report.ModelErrors);
            if (report.Disagreements.Count > 0)
            {
                failures.Add($"{string.Join("\n", report.Disagreements)}\nreproducer: bench/campaign generate --seed {m.Seed}{(generator == ModelGenerator.Small ? " --small" : "")}\n{m.Text}");
            }
        });
        output.WriteLine($"{seeds.Length} models: {compared} properties compared, {unknowns} unknown, {skipped} skipped, {errors} runs ending in an agreed model error");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures));
        Assert.True(compared >= models, "too few properties compared");
    }

    // An error in the init block before an 'any' without candidate (bmc missed it; CI, seed 8JQg8q3DaQz1).
    private static readonly ulong[] FoundBySeeds = [4099218212267363419];
}
