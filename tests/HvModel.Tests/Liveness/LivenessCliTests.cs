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
    public void Json_holds_each_liveness_verdict_with_its_lasso_and_where_the_cycle_begins()
    {
        // The in-process runner validates the document against docs/schema as well.
        var r = InProcessCli.Run("check", "tests/models/liveness/tas_weak.hvm", "--format", "json");
        var live = System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement.GetProperty("liveness").EnumerateArray().Single();

        Assert.Equal("no_starvation", live.GetProperty("property").GetString());
        Assert.Equal("leadsto", live.GetProperty("form").GetString());
        Assert.Equal("violated", live.GetProperty("verdict").GetString());
        Assert.Equal(1, live.GetProperty("cycle_start").GetInt32());
        Assert.Equal(5, live.GetProperty("trace").GetArrayLength());
    }

    [Fact]
    public void The_e_mail_report_tells_the_lasso_in_72_columns_with_where_its_cycle_begins()
    {
        var r = InProcessCli.Run("check", "tests/models/liveness/tas_weak.hvm", "--format", "email");

        Assert.All(r.Stdout.Split('\n'), l => Assert.True(l.Length <= 72, $"{l.Length} columns: {l}"));
        Assert.Contains("default / no_starvation: violated, a lasso of 4 steps", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("-- steps 2 to 4 repeat forever", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Graphml_says_that_it_has_no_liveness_yet()
    {
        var r = InProcessCli.Run("check", "tests/models/liveness/tas_weak.hvm", "--format", "graphml");

        Assert.Contains("liveness properties are checked by the explicit engine, in the text, JSON, HTML and e-mail reports only", r.Stderr, StringComparison.Ordinal);
    }
}
