namespace HvModel.Tests.Cli;

/// <summary>
/// Reports are byte-identical across runs once timings are masked, and the embedded flagship
/// gives the same report as the same model given as a file.
/// </summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("html")]
    public void Reports_are_identical_across_runs_and_between_embedded_and_file_models(string format)
    {
        var first = CliProcess.Run("check", "--variant", "b_only", "--format", format);
        var second = CliProcess.Run("check", "--variant", "b_only", "--format", format);
        var file = CliProcess.Run("check", "properties/hv-pci-msi.hvp", "--variant", "b_only", "--format", format);

        Assert.Equal(0, first.ExitCode);
        Assert.True(first.Stdout.Length > 1000);
        Assert.Equal(Masked(first.Stdout), Masked(second.Stdout));
        Assert.Equal(Masked(first.Stdout), Masked(file.Stdout));
    }

    /// <summary>The report with its timings replaced by a fixed mark, as the golden files are.</summary>
    private static string Masked(string report) => Golden.ReportMask.Apply(report);
}
