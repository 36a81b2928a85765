using System.Text.Json;

namespace HvModel.Tests.Cli;

/// <summary><c>hvmodel prove</c> on the command line: exit codes by class, text and JSON reports.</summary>
public class ProveCommandTests
{
    [Fact]
    public void A_proof_for_every_size_exits_0_and_prints_the_invariant_in_model_syntax()
    {
        var r = CliProcess.Run("prove", "tests/models/prove/lock.hvm");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("exclusive  holds for every size (inferred lemmas alone)", r.Stdout);
        Assert.Contains("inferred_1 (inferred): forall p: Proc . pc[p] = critical -> locked", r.Stdout);
        Assert.Contains("certified: prove invariant re-checked: initiation", r.Stdout);
    }

    [Fact]
    public void No_proof_exits_3_with_the_counterexample_to_induction_in_json()
    {
        var r = CliProcess.Run("prove", "tests/models/prove/four_tokens.hvm", "--format", "json");

        Assert.Equal(3, r.ExitCode);
        var result = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("variants")[0].GetProperty("results")[0];
        Assert.Equal("unknown", result.GetProperty("verdict").GetString());
        var trace = result.GetProperty("counterexample_to_induction").GetProperty("trace");
        Assert.Equal("take", trace[1].GetProperty("action").GetString());
        Assert.Equal(4, trace[1].GetProperty("state").GetProperty("taken").GetInt32());
    }

    [Fact]
    public void An_unknown_variant_is_a_usage_error()
    {
        var r = CliProcess.Run("prove", "tests/models/prove/lock.hvm", "--variant", "nope");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown variant 'nope'", r.Stderr);
    }
}
