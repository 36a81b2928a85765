using System.Text.Json;

namespace HvModel.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public void A_violated_invariant_exits_1_with_the_shortest_counterexample()
    {
        // The model as an author who expects it to hold would write it: without its expect table.
        var text = File.ReadAllText(Repo.Path("tests", "models", "violated", "mutex_bug.hvm"));
        var file = Path.Combine(Directory.CreateTempSubdirectory("hvmodel-check").FullName, "mutex_bug.hvm");
        File.WriteAllText(file, text[..text.IndexOf("\nexpect (", StringComparison.Ordinal)]);

        var r = CliProcess.Run("check", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("== default / mutual_exclusion: violated in 4 steps (explicit)", r.Stdout);
        Assert.Contains("DIFFERS: default / mutual_exclusion: violated, expected holds", r.Stdout);
    }

    [Fact]
    public void The_fixed_model_exits_0()
    {
        var r = CliProcess.Run("check", "tests/models/holds/mutex.hvm");

        Assert.Equal(0, r.ExitCode);
        Assert.Empty(r.Stderr);
    }

    [Fact]
    public void A_syntax_error_exits_2_with_position_and_no_stack_trace()
    {
        var r = CliProcess.Run("check", "tests/models/errors/syntax.hvm");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("tests/models/errors/syntax.hvm:3:18: error: expected an expression", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Theory]
    [InlineData("--variant", "v9", "--variant v9: the model has no such variant")]
    [InlineData("--const", "CPUS=99", "--const CPUS=99: value 99 is out of range 1..8")]
    [InlineData("--const", "CPUS=", "--const expects NAME=VALUE, not 'CPUS='")]
    [InlineData("--const", " =2", "--const expects NAME=VALUE, not ' =2'")]
    [InlineData("--engine", "magic", "--engine must be one of")]
    [InlineData("--format", "xml", "--format must be one of text, json, html, email, dot, graphml, not 'xml'")]
    public void Bad_options_exit_2_with_a_message(string option, string value, string message)
    {
        var r = CliProcess.Run("check", option, value);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void A_state_limit_exits_3_and_says_unknown()
    {
        var r = CliProcess.Run("check", "--variant", "v3", "--max-states", "50");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("unknown: v3 / deliverable: state limit reached (50 states)", r.Stdout);
    }

    [Fact]
    public void A_model_error_at_run_time_exits_2_with_the_trace()
    {
        var dir = Directory.CreateTempSubdirectory();
        var file = Path.Combine(dir.FullName, "overflow.hvm");
        File.WriteAllText(file, "var x: 0 .. 1 = 0\naction up calls \"inc\" do x := x + 1 end\n");

        var r = CliProcess.Run("check", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("overflow.hvm:2:26: error: value 2 assigned to 'x' is out of its range 0..1", r.Stderr);
        Assert.Contains("then up fails", r.Stderr);
        dir.Delete(true);
    }

    [Fact]
    public void Json_output_follows_the_contract()
    {
        var r = CliProcess.Run("check", "--format", "json", "--variant", "pre", "--property", "no_stuck_mask");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("hvmodel", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.True(root.GetProperty("tool").TryGetProperty("version", out _));
        Assert.True(root.GetProperty("tool").TryGetProperty("solver", out _));
        Assert.Equal("hv_pci_msi", root.GetProperty("model").GetString());
        Assert.Equal(2, root.GetProperty("constants").GetProperty("CPUS").GetInt32());
        Assert.Equal("keep", root.GetProperty("constants").GetProperty("DRIVER").GetString());
        var result = Assert.Single(root.GetProperty("results").EnumerateArray());
        foreach (var field in new[] { "variant", "property", "engine", "verdict", "expected", "states", "transitions", "depth", "seconds", "reason", "trace" })
        {
            Assert.True(result.TryGetProperty(field, out _), field);
        }

        Assert.Equal("violated", result.GetProperty("verdict").GetString());
        Assert.Equal("violated", result.GetProperty("expected").GetString());
        var trace = result.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(11, trace.Count);
        Assert.Equal(JsonValueKind.Null, trace[0].GetProperty("action").ValueKind);
        Assert.Equal("migrate_one_irq", trace[5].GetProperty("action").GetString());
        Assert.Equal("Irq0", trace[5].GetProperty("args").GetProperty("i").GetString());
        Assert.StartsWith("irq_migrate_all_off_this_cpu", trace[5].GetProperty("calls").GetString());
        Assert.True(trace[^1].GetProperty("state").GetProperty("desc_masked").GetProperty("Irq0").GetBoolean());
    }

    [Fact]
    public void Html_report_links_each_violated_cell_to_its_counterexample()
    {
        var r = CliProcess.Run("check", "--format", "html", "--variant", "pre");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", r.Stdout);
        Assert.Contains("<a href=\"#cx-pre-no_stuck_mask\">VIOLATED</a>", r.Stdout);
        Assert.Contains("<section class=\"counterexample\" id=\"cx-pre-no_stuck_mask\">\n<h2>pre / no_stuck_mask: violated in 10 steps (explicit)</h2>", r.Stdout);
        Assert.Contains("<div class=\"note\">early return: pci_msi_unmask_irq() is skipped, desc-&gt;masked stays set</div>", r.Stdout);
        Assert.EndsWith("</body></html>\n", r.Stdout);
    }

    [Fact]
    public void The_default_check_prints_the_matrix_and_exits_0()
    {
        var r = CliProcess.Run("check");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("pre     VIOLATED  VIOLATED  VIOLATED  VIOLATED  VIOLATED  VIOLATED  holds", r.Stdout);
        Assert.Contains("v3      holds     holds     holds     holds     holds     holds     holds", r.Stdout);
        Assert.All(r.Stdout.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }
}
