using HvModel.Core.Ir;

namespace HvModel.Tests.Scenarios;

/// <summary>
/// Scenario 4 (the 2025 MSI-parent conversion, docs/findings.md): the MSI layer masks and
/// unmasks the PCI entry, so hunk A's property holds by construction; the restore composes on
/// the outer irq_data level, so records disagree right after resume and the first affinity
/// change breaks target coherence.
/// </summary>
public class MsiParentTests
{
    private static IReadOnlyList<Core.Checking.CheckResult> Results() =>
        Check.Explicit(Check.LoadFile("properties/hv-pci-msi.hvp", new() { ["MSI_DOMAIN"] = "msi_parent" }));

    [Fact]
    public void Nothing_stays_masked_in_any_variant()
    {
        var results = Results();

        Assert.All(results.Where(r => r.Property == "no_stuck_mask"), r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    [Fact]
    public void V3_records_disagree_right_after_resume_and_target_coherence_breaks_at_the_first_affinity_change()
    {
        var results = Results();
        var records = Check.Result(results, "v3", "records_agree");
        var target = Check.Result(results, "v3", "target_coherent");
        var live = Check.Result(results, "v3", "live_irte");

        Assert.Equal(Verdict.Violated, records.Verdict);
        Assert.Equal("drivers_restore", records.Trace!.Steps[^1].Action!.Name);
        Assert.Equal(Verdict.Violated, target.Verdict);
        Assert.Equal("set_affinity", target.Trace!.Steps[^1].Action!.Name);
        Assert.Equal(records.Trace.Length + 1, target.Trace.Length);
        Assert.Equal(Verdict.Holds, live.Verdict);
    }
}
