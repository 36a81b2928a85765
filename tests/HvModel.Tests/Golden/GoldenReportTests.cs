namespace HvModel.Tests.Golden;

/// <summary>
/// Every report format of the flagship and of two small models, compared byte for byte with
/// the committed files under <c>tests/golden/</c>, timings masked: the net under any change of
/// the reports. <c>hvmodel</c> runs in-process (its entry point, the command line as a user
/// types it), so the choice of renderer and the header are covered as well as the renderers.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class GoldenReportTests
{
    private const string Refcount = "tests/models/violated/refcount.hvm";
    private const string TestAndSet = "tests/models/violated/test_and_set.hvm";
    private const string Seed = "tests/patches/915cff7f38c5-v3-reply.txt";

    public static TheoryData<string, string[]> Reports() => new()
    {
        { "hv-pci-msi/check.txt", ["check"] },
        { "hv-pci-msi/check.json", ["check", "--format", "json"] },
        { "hv-pci-msi/check.html", ["check", "--format", "html"] },
        { "hv-pci-msi/check.email", ["check", "--format", "email"] },

        // The flagship's default graph has 2,432 states (4.5 MB of DOT); one CPU and one IRQ keep it readable.
        { "hv-pci-msi/graph.dot", ["graph", "--const", "CPUS=1", "--const", "IRQS=1"] },
        { "refcount/check.txt", ["check", Refcount] },
        { "refcount/check.json", ["check", Refcount, "--format", "json"] },
        { "refcount/check.html", ["check", Refcount, "--format", "html"] },
        { "refcount/check-gate.html", ["check", Refcount, "--gate", "--format", "html"] },
        { "refcount/check.email", ["check", Refcount, "--format", "email"] },
        { "refcount/graph.dot", ["graph", Refcount] },
        { "refcount/graph.graphml", ["graph", Refcount, "--format", "graphml"] },
        { "refcount/check.graphml", ["check", Refcount, "--format", "graphml"] },
        { "test_and_set/check.txt", ["check", TestAndSet] },
        { "test_and_set/check.json", ["check", TestAndSet, "--format", "json"] },
        { "test_and_set/check.html", ["check", TestAndSet, "--format", "html"] },
        { "test_and_set/check.email", ["check", TestAndSet, "--format", "email"] },
        { "test_and_set/graph.dot", ["graph", TestAndSet] },
        { "test_and_set/graph.graphml", ["graph", TestAndSet, "--format", "graphml"] },

        // The review commands: what a patch changes, which hunk fixes what, the vacuity gate.
        { "hv-pci-msi/diff.txt", ["diff", "pre", "v3"] },
        { "hv-pci-msi/diff.json", ["diff", "pre", "v3", "--format", "json"] },
        { "hv-pci-msi/diff.email", ["diff", "pre", "v3", "--format", "email"] },
        { "hv-pci-msi/ablate.txt", ["ablate"] },
        { "hv-pci-msi/ablate.json", ["ablate", "--format", "json"] },
        { "hv-pci-msi/ablate.email", ["ablate", "--format", "email"] },
        { "hv-pci-msi/gate.txt", ["gate"] },
        { "hv-pci-msi/gate.json", ["gate", "--format", "json"] },
        { "hv-pci-msi/diff.html", ["diff", "pre", "v3", "--format", "html"] },
        { "hv-pci-msi/ablate.html", ["ablate", "--format", "html"] },
        { "hv-pci-msi/gate.html", ["gate", "--format", "html"] },
        { "refcount/diff.txt", ["diff", "buggy", "fixed", Refcount] },
        { "refcount/ablate.txt", ["ablate", Refcount] },
        { "refcount/gate.txt", ["gate", Refcount] },

        // prove: an invariant proved for every size, and a counterexample to induction.
        { "lock/prove.json", ["prove", "tests/models/prove/lock.hvm", "--format", "json"] },
        { "four_tokens/prove.json", ["prove", "tests/models/prove/four_tokens.hvm", "--format", "json"] },

        // A kernel patch reviewed: the seed mail, the maintainer's reply that applied 915cff7f38c5 v3.
        { "hv-pci-msi/review.txt", ["review", Seed] },
        { "hv-pci-msi/review.json", ["review", Seed, "--format", "json"] },
        { "hv-pci-msi/review.html", ["review", Seed, "--format", "html"] },
        { "hv-pci-msi/review.email", ["review", Seed, "--format", "email"] },

        // A run that fails still gives one JSON document, in the same frame.
        { "refcount/errors.json", ["check", Refcount, "--variant", "nope", "--format", "json"] },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void The_report_is_the_committed_golden_file(string golden, string[] args)
    {
        // Standard output alone: exit codes and messages on stderr have tests of their own.
        var r = InProcessCli.Run(args);

        GoldenFile.AssertMatches(golden, ReportMask.Apply(r.Stdout));
    }

    [Fact]
    public void One_character_changed_anywhere_in_a_report_is_a_difference()
    {
        var report = ReportMask.Apply(InProcessCli.Run("check", Refcount, "--format", "email").Stdout);
        var bytes = System.Text.Encoding.UTF8.GetBytes(report);

        Assert.Null(GoldenFile.Difference(bytes, report));
        foreach (var at in new[] { 0, report.Length / 2, report.Length - 1 })
        {
            var changed = report[..at] + (report[at] == 'x' ? 'y' : 'x') + report[(at + 1)..];
            Assert.NotNull(GoldenFile.Difference(bytes, changed));
        }

        Assert.NotNull(GoldenFile.Difference(bytes, report + "\n"));
    }
}
