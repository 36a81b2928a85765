using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Explicit.Review;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Review;

public class VariantDiffTests
{
    private static readonly Lazy<(Model Model, VariantDiff Diff)> PreToV3 = new(() =>
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        return (model, VariantDiffer.Diff(model, model.GetVariant("pre"), model.GetVariant("v3"), new CheckOptions()));
    });

    private static StoryReplay Replay(string property) => PreToV3.Value.Diff.Replays.Single(r => r.Property == property);

    [Fact]
    public void Pre_to_v3_names_unmask_always_for_the_stuck_mask_at_the_migration_step()
    {
        var r = Replay("no_stuck_mask");

        Assert.Equal(["unmask_always"], r.HunksThatMatter.ToArray());
        Assert.Null(r.BlockedAt);
        Assert.False(r.StillFails);
        var d = r.FirstDifference!;
        Assert.StartsWith("migrate_one_irq(", d.Call, StringComparison.Ordinal);
        Assert.Equal("migrate_one_irq", r.InA.Trace!.Steps[d.Step].Action!.Name);
        Assert.Contains(d.Differences, x => x.Slot.StartsWith("desc_masked[", StringComparison.Ordinal) && x.InA == "true" && x.InB == "false");

        // The step took unmask_always's then-branch in v3 and its else-branch in pre.
        Assert.Contains(d.BranchesInB, b => b.Hunks.Single().Name == "unmask_always" && b.Then);
        Assert.Contains(d.BranchesInA, b => b.Hunks.Single().Name == "unmask_always" && !b.Then);
    }

    [Fact]
    public void Pre_to_v3_names_restore_msi_state_for_the_live_irte_at_resume()
    {
        var r = Replay("live_irte");

        Assert.Equal(["restore_msi_state"], r.HunksThatMatter.ToArray());
        Assert.False(r.StillFails);
        Assert.Equal("hv_pci_resume", r.FirstDifference!.Call);
        Assert.Contains(r.FirstDifference.BranchesInB, b => b.Hunks.Single().Name == "restore_msi_state" && b.Then);
    }

    [Fact]
    public void Pre_to_v3_fixes_six_properties_and_has_no_regression()
    {
        var diff = PreToV3.Value.Diff;

        Assert.Equal(6, diff.Verdicts.Count(v => v.Changed && v.InA == Verdict.Violated && v.InB == Verdict.Holds));
        Assert.Empty(diff.Regressions);
        Assert.Equal(6, diff.Replays.Length);
        Assert.Equal(["unmask_always", "restore_msi_state"], Replay("deliverable").HunksThatMatter.ToArray());
    }

    [Fact]
    public void A_story_whose_guard_fails_in_the_other_variant_is_reported_blocked_at_that_step()
    {
        var model = Check.Load("""
            model gated
            hunk guard "closes the door"
            variant open = {}
            variant shut = { guard }
            var x: 0 .. 3 = 0
            action step when x < 3 and !(hunk guard and x = 1) do x := x + 1 end
            invariant small: x < 2
            allow deadlock
            """);

        var diff = VariantDiffer.Diff(model, model.GetVariant("open"), model.GetVariant("shut"), new CheckOptions());

        var r = diff.Replays.Single();
        Assert.Equal(2, r.BlockedAt);
        Assert.Contains("guard of step", r.BlockedReason, StringComparison.Ordinal);
        Assert.Null(r.StillFails);
        Assert.Equal(["guard"], r.HunksThatMatter.ToArray());
    }

    [Fact]
    public void A_property_violated_only_in_the_patched_variant_is_a_regression_with_its_counterexample()
    {
        var model = Check.Load("""
            model regress
            hunk bad "overflows"
            variant base = {}
            variant patched = { bad }
            var x: 0 .. 3 = 0
            action step when x < 3 do if hunk bad then x := x + 2 else x := x + 1 end end
            invariant small: x != 2 or !(hunk bad)
            allow deadlock
            """);

        var diff = VariantDiffer.Diff(model, model.GetVariant("base"), model.GetVariant("patched"), new CheckOptions());

        var regression = Assert.Single(diff.Regressions);
        Assert.Equal("small", regression.Property);
        Assert.Equal(1, regression.Trace!.Length);
    }

    [Fact]
    public void Cli_diff_pre_v3_prints_the_hunks_that_matter_and_the_step_in_text_and_json()
    {
        var text = CliProcess.Run("diff", "pre", "v3");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("hunks that matter: unmask_always (v3 without it violates no_stuck_mask", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("it stops failing at", text.Stdout, StringComparison.Ordinal);
        // The line of the branch in the model as it stands, so that editing the model does not break the pin.
        var line = Array.FindIndex(File.ReadAllLines(Repo.Path("model", "hv-pci-msi.hvm")), l => l.Trim() == "if hunk unmask_always then") + 1;
        var unwrapped = System.Text.RegularExpressions.Regex.Replace(text.Stdout, @"\n +", " ");
        Assert.Contains($"if hunk unmask_always (model/hv-pci-msi.hvm:{line}): then in v3 (in pre: else)", unwrapped, StringComparison.Ordinal);
        Assert.All(text.Stdout.Split('\n'), l => Assert.True(l.Length <= 80, l));

        var json = CliProcess.Run("diff", "pre", "v3", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var live = doc.RootElement.GetProperty("replays").EnumerateArray().Single(r => r.GetProperty("property").GetString() == "live_irte");
        Assert.Equal("restore_msi_state", live.GetProperty("hunks_that_matter")[0].GetString());
        Assert.Equal("hv_pci_resume", live.GetProperty("first_difference").GetProperty("action").GetString());
        Assert.False(live.GetProperty("still_fails").GetBoolean());
    }

    [Fact]
    public void Cli_diff_with_an_unknown_variant_is_bad_input()
    {
        var r = CliProcess.Run("diff", "pre", "v9");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("v9", r.Stderr, StringComparison.Ordinal);
    }
}
