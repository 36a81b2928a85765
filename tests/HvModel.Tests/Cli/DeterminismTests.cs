using System.Text.RegularExpressions;

namespace HvModel.Tests.Cli;

/// <summary>
/// Reports are byte-identical across runs once timings are masked, and the embedded flagship
/// gives the same report as the same model given as a file.
/// </summary>
public partial class DeterminismTests
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

    /// <summary>The report with its timings (text "0.36 s", JSON "seconds": 0.342) replaced by a fixed mark.</summary>
    private static string Masked(string report) => Seconds().Replace(report, "#");

    [GeneratedRegex(@"(?<=, )\d+(\.\d+)? s$|(?<=""seconds"": )\d+(\.\d+)?", RegexOptions.Multiline)]
    private static partial Regex Seconds();
}
