using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit.Review;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Trust;

/// <summary>
/// Issue 21, defect 2: diff and ablate ignored deadlocks and lost covers, so a patch that stops
/// the system (and with it every failing path) looked like a clean fix.
/// </summary>
public class BehaviourLossTests
{
    private const string Dlreg = "tests/models/violated/dlreg.hvm";

    [Fact]
    public void Diff_calls_a_new_deadlock_a_regression_with_its_shortest_trace()
    {
        var r = CliProcess.Run("diff", "pre", "post", Dlreg);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("deadlock  holds      VIOLATED   BROKEN", r.Stdout);
        Assert.Contains("REGRESSION: post deadlocks and pre does not.", r.Stdout);
        Assert.Contains("1  lock", r.Stdout);
        Assert.DoesNotContain("No regression", r.Stdout);
    }

    [Fact]
    public void Diff_json_lists_the_deadlock_among_the_verdicts_and_the_regressions()
    {
        var r = CliProcess.Run("diff", "pre", "post", Dlreg, "--format", "json");

        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var deadlock = doc.RootElement.GetProperty("verdicts").EnumerateArray().Single(v => v.GetProperty("property").GetString() == "deadlock");
        Assert.Equal("holds", deadlock.GetProperty("a").GetString());
        Assert.Equal("violated", deadlock.GetProperty("b").GetString());
        var regression = Assert.Single(doc.RootElement.GetProperty("regressions").EnumerateArray());
        Assert.Equal("deadlock", regression.GetProperty("property").GetString());
        Assert.Equal(2, regression.GetProperty("trace").GetArrayLength());
    }

    [Fact]
    public void Diff_calls_a_lost_cover_a_regression_and_replays_the_witness()
    {
        var model = Check.Load("""
            model lost
            var x: 0 .. 3 = 0
            hunk stop_early "stops at 1"
            variant base = {} "before"
            variant patched = { stop_early } "after"
            action inc when x < 3 and !(hunk stop_early and x = 1) do x := x + 1 end
            action reset when x > 0 do x := 0 end
            invariant small: x <= 3
            cover top: x = 3
            """);

        var diff = VariantDiffer.Diff(model, model.GetVariant("base"), model.GetVariant("patched"), new CheckOptions());

        var regression = Assert.Single(diff.Regressions);
        Assert.Equal("top", regression.Property);
        Assert.Equal(Verdict.Violated, regression.Verdict);
        var replay = diff.Replays.Single(r => r.Property == "top");
        Assert.Equal(2, replay.BlockedAt);
        Assert.Equal(["stop_early"], replay.HunksThatMatter.ToArray());
    }

    [Fact]
    public void Ablate_does_not_call_a_hunk_necessary_when_all_it_does_is_disable_an_action()
    {
        var model = Check.Load("""
            model disabler
            var x: 0 .. 3 = 0
            hunk no_inc "never increments"
            variant patched = { no_inc } "the 'fix'"
            action inc when x < 3 and !(hunk no_inc) do x := x + 1 end
            action idle do skip end
            invariant small: x < 2
            """);

        var a = Ablator.Run(model, model.GetVariant("patched"), new CheckOptions());

        Assert.Equal(Verdict.Holds, a.Rows[1].Verdicts["small"]);
        Assert.Equal(["inc never fires"], a.Rows[1].Degenerate.ToArray());
        Assert.Empty(a.Necessary("small"));
        Assert.Empty(a.MinimalSufficient("small"));
        Assert.Single(a.HoldingByRemoval("small"));
    }

    [Fact]
    public void Ablate_has_a_deadlock_column_and_marks_the_subset_that_adds_one()
    {
        var r = CliProcess.Run("ablate", "--variant", "post", Dlreg);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("A!      holds     VIOLATED", r.Stdout);
        Assert.Contains("A: unlock never fires, a deadlock is new", r.Stdout);
        Assert.Contains("[2] deadlock: holds without any hunk", r.Stdout);
    }

    [Fact]
    public void Gate_reports_an_unexpected_deadlock_and_accepts_one_the_expect_table_names()
    {
        var model = Check.LoadFile(Dlreg);
        var stuck = Check.Load("""
            model stuck
            var x: 0 .. 1 = 0
            action step when x = 0 do x := 1 end
            invariant any_value: x <= 1
            """);

        var expected = Gate.Run(model, model.Variants).Findings.Single(f => f.Kind == GateFindingKind.Deadlock);
        var unexpected = Assert.Single(Gate.Run(stuck, stuck.Variants).Findings);

        Assert.Equal("post", expected.Variant);
        Assert.True(expected.Expected);
        Assert.Equal(GateFindingKind.Deadlock, unexpected.Kind);
        Assert.False(unexpected.Expected);
        Assert.Equal("1 of the 2 reachable states have no enabled action", unexpected.Detail);
    }
}
