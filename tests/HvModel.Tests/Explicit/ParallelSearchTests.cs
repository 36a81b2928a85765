using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

/// <summary>
/// <c>--workers</c> changes nothing but the time: verdicts, counts, depths, reasons and every
/// step of every trace are those of one thread, on the flagship (symmetry on and off, violations
/// and holds, a state limit inside a level) and on generated models whose compiled code meets
/// model errors on the workers. Each run with workers also shows that they expanded states, so
/// that a search that quietly stayed on one thread fails.
/// </summary>
public sealed class ParallelSearchTests
{
    public static TheoryData<string, string, bool, long> Flagship() => new()
    {
        { "3x3", "v3", false, 0 },
        { "3x3", "pre", true, 0 },
        { "3x2", "pre", false, 0 },
        { "3x3", "b_only", false, 60_000 },
    };

    [Theory]
    [MemberData(nameof(Flagship))]
    public void Workers_give_the_flagships_results_of_one_thread(string size, string variant, bool symmetry, long maxStates)
    {
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = size[..1], ["IRQS"] = size[2..] });
        var options = new CheckOptions { Symmetry = symmetry, Exhaustive = maxStates == 0, MaxStates = maxStates == 0 ? 50_000_000 : maxStates };
        var one = SearchOutcome.Run(model, variant, options, workers: 1, out _);
        var three = SearchOutcome.Run(model, variant, options, workers: 3, out var stats);
        Assert.Equal(one, three);
        Assert.True(stats.ExpandedByWorkers > stats.States / 2, $"the workers expanded only {stats.ExpandedByWorkers} of {stats.States} states");
        if (maxStates > 0)
        {
            Assert.Contains("Unknown", three, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_command_lines_output_is_the_same_for_any_number_of_workers_timings_aside()
    {
        string Masked(string workers)
        {
            var r = CliProcess.Run("check", "--const", "CPUS=3", "--const", "IRQS=2", "--variant", "pre", "--no-symmetry", "--workers", workers, "--format", "json");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("\"verdict\": \"violated\"", r.Stdout, StringComparison.Ordinal);
            return System.Text.RegularExpressions.Regex.Replace(r.Stdout, "\"(seconds|cpu_seconds|generated)\": [^,}\n]+", "\"$1\": _");
        }

        Assert.Equal(Masked("1"), Masked("2"));
    }

    private const int Generated = 40;

    public static TheoryData<ulong> Seeds() => Check.Seeds(Generated);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Workers_give_a_generated_models_results_of_one_thread(ulong seed)
    {
        var model = Check.Hostile(seed);
        foreach (var variant in model.Variants)
        {
            var options = new CheckOptions { MaxStates = 3000 };
            Assert.Equal(SearchOutcome.Of(model, variant.Name, options, 1), SearchOutcome.Of(model, variant.Name, options, 3));
        }
    }

    [Fact]
    public void The_generated_models_use_the_workers_and_meet_model_errors_there()
    {
        // Without both, the theory above would compare one thread with itself, or never ask the
        // interpreter again for a state whose compiled expansion failed on a worker.
        var expanded = 0L;
        var errors = 0;
        for (var seed = 1UL; seed <= Generated; seed++)
        {
            var model = Check.Hostile(seed);
            var outcome = SearchOutcome.Of(model, model.Variants[0].Name, new CheckOptions { MaxStates = 3000 }, 3, s => expanded += s.ExpandedByWorkers);
            errors += outcome.StartsWith("model error", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(expanded > 1000, $"the workers expanded only {expanded} states in {Generated} generated models");
        Assert.True(errors >= 5, $"only {errors} of {Generated} generated models end in a model error");
    }
}
