using System.Text.RegularExpressions;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Review;

public class EmailFormatTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("diff", "pre", "v3")]
    [InlineData("ablate")]
    public void Email_text_fits_72_columns_cuts_nothing_and_ends_with_the_command_that_reproduces_it(params string[] command)
    {
        var r = CliProcess.Run([.. command, "--format", "email"]);

        Assert.Equal(0, r.ExitCode);
        Assert.All(r.Stdout.Split('\n'), l => Assert.True(l.Length <= 72, $"{l.Length} columns: {l}"));
        Assert.All(r.Stdout.Split('\n'), l => Assert.False(l.EndsWith("...", StringComparison.Ordinal), $"a line cut: {l}"));
        Assert.Contains($"Reproduce with:\n  dotnet run --project src/HvModel.Cli -- {string.Join(' ', command)}\n", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_email_tells_each_counterexample_as_the_whole_kernel_call_story()
    {
        var r = CliProcess.Run("check", "--format", "email", "--variant", "pre", "--property", "no_stuck_mask");

        Assert.Contains("pre / no_stuck_mask: violated in", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("-- check --variant pre \\\n    --property no_stuck_mask", r.Stdout, StringComparison.Ordinal);

        // Step 5 says why the mask stays set: the retarget hypercall fails, and the early return skips the unmask.
        var step5 = Regex.Match(r.Stdout, @"\n  5  migrate_one_irq\(i=Irq0\)\n(?<body>(       .*\n)+)").Groups["body"].Value;
        var told = Regex.Replace(step5, @"\s+", " ");
        Assert.Contains("* hv_irq_mask", told, StringComparison.Ordinal);
        Assert.Contains("HVCALL_RETARGET_INTERRUPT fails", told, StringComparison.Ordinal);
        Assert.Contains("early return: pci_msi_unmask_irq() is skipped, desc->masked stays set", told, StringComparison.Ordinal);

        // The per-variable changes are what e-mail leaves out.
        Assert.DoesNotContain("hypercall_failed: false -> true", step5, StringComparison.Ordinal);
    }
}
