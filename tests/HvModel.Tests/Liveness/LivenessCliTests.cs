using HvModel.Tests.Golden;

namespace HvModel.Tests.Liveness;

/// <summary><c>check</c> on a model with liveness properties: the verdicts and the lasso in the text report.</summary>
[Collection(nameof(ConsoleCollection))]
public class LivenessCliTests
{
    [Fact]
    public void Check_prints_the_liveness_verdicts_and_the_lasso_with_where_its_cycle_begins()
    {
        var r = InProcessCli.Run("check", "tests/models/liveness/tas_weak.hvm");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("fair weak: acquire, release", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  default  no_starvation  VIOLATED", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("-- steps 2 to 4 repeat forever: step 4 returns to the state after step 1", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_liveness_verdict_that_differs_from_the_expect_table_fails_the_check()
    {
        var text = File.ReadAllText(Repo.Path("tests", "models", "liveness", "tas_weak.hvm")).Replace("default = (violated)", "default = (holds)", StringComparison.Ordinal);
        var model = Path.Combine(Path.GetTempPath(), $"hvmodel-tas-{Guid.NewGuid():N}.hvm");
        File.WriteAllText(model, text);

        var r = InProcessCli.Run("check", model);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no_starvation  VIOLATED DIFFERS: expected holds", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_formats_say_that_liveness_is_in_the_text_report_only()
    {
        var r = InProcessCli.Run("check", "tests/models/liveness/tas_weak.hvm", "--format", "json");

        Assert.Contains("liveness properties are checked by the explicit engine and printed in the text report only", r.Stderr, StringComparison.Ordinal);
    }
}
