using HvModel.Core.Ir;

namespace HvModel.Tests.Scenarios;

/// <summary>
/// Scenario 2 (04bbe863241a, docs/findings.md): hibernating with a device whose driver never
/// enabled MSI. Before the fix (dc2b453290c4's msi_lock_descs with no check) the restore walk
/// panics in every variant that restores MSI state; with the fix, and in v5.10, it is safe.
/// </summary>
public class RestoreWalkTests
{
    private static readonly string[] Variants = ["pre", "a_only", "b_only", "v1", "v3"];

    private static string[] RestoreSafe(string walk)
    {
        var model = Check.LoadFile("properties/scenarios.hvp", new() { ["RESTORE_WALK"] = walk });
        var results = Check.Explicit(model);
        return [.. Variants.Select(v => $"{v}: {Check.Result(results, v, "restore_safe").Verdict}")];
    }

    [Fact]
    public void Lock_descs_without_the_check_panics_wherever_hunk_B_restores() =>
        Assert.Equal(["pre: Holds", "a_only: Holds", "b_only: Violated", "v1: Violated", "v3: Violated"], RestoreSafe("lock_descs"));

    [Theory]
    [InlineData("entries")]
    [InlineData("skip_disabled")]
    public void The_v5_10_walk_and_the_fix_are_safe(string walk) =>
        Assert.All(RestoreSafe(walk), row => Assert.EndsWith("Holds", row));

    [Fact]
    public void The_shortest_story_hibernates_before_any_driver_enabled_MSI()
    {
        var model = Check.LoadFile("properties/scenarios.hvp", new() { ["RESTORE_WALK"] = "lock_descs" });
        var result = Check.Result(Check.Explicit(model), "v3", "restore_safe");

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(["freeze", "hv_pci_suspend", "cpu_down", "power_cycle", "cpu_up", "hv_pci_resume"], result.Trace!.Steps.Skip(1).Select(s => s.Action!.Name));
    }
}
