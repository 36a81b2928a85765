using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Tests.Flagship;

/// <summary>The counterexamples read as the kernel stories of spec section 6.</summary>
public class CounterexampleStoryTests
{
    private static Trace TraceOf(string variant, string property)
    {
        var results = Check.Explicit(Check.LoadFile("properties/hv-pci-msi.hvp"));
        var r = Check.Result(results, variant, property);
        Assert.Equal(Verdict.Violated, r.Verdict);
        return r.Trace!;
    }

    private static List<string> Actions(Trace t) => [.. t.Steps.Skip(1).Select(s => s.Action!.Name)];

    [Fact]
    public void Pre_stuck_mask_is_the_migration_whose_unmask_returns_early()
    {
        var trace = TraceOf("pre", "no_stuck_mask");

        Assert.Equal(
            ["setup", "freeze", "hv_pci_suspend", "cpu_down", "migrate_one_irq", "power_cycle", "cpu_up", "hv_pci_resume", "pci_restore_msi_state", "drivers_restore"],
            Actions(trace));
        var migrate = trace.Steps.Single(s => s.Action?.Name == "migrate_one_irq");
        string[] story =
        [
            "hv_irq_mask", "irq_do_set_affinity > hv_set_affinity: new effective CPU and vector",
            "HVCALL_RETARGET_INTERRUPT fails (HV_STATUS_INVALID_PARAMETER): the host has no such IRTE",
            "dev_err: hv_irq_unmask() failed",
            "early return: pci_msi_unmask_irq() is skipped, desc->masked stays set",
        ];

        // In this order; the affinity may also be broken to all online CPUs on the way.
        Assert.Equal(story, migrate.Notes.Where(story.Contains));
        var cpuDown = trace.Steps.Single(s => s.Action?.Name == "cpu_down");
        Assert.Equal(1, cpuDown.Args[0]);
        Assert.Contains("writes each cached message and the mask bit from desc->masked; reads nothing back", trace.Steps.Single(s => s.Action?.Name == "pci_restore_msi_state").Notes);
    }

    [Fact]
    public void Pre_stale_message_needs_no_migration()
    {
        var trace = TraceOf("pre", "live_irte");

        // CPU 1 must go down and come back, but nothing migrates: the IRQ sits on CPU 0.
        Assert.Equal(["setup", "freeze", "hv_pci_suspend", "cpu_down", "power_cycle", "cpu_up", "hv_pci_resume", "pci_restore_msi_state", "drivers_restore"], Actions(trace));
    }

    [Fact]
    public void B_only_stuck_mask_wins_over_the_fresh_irte()
    {
        var trace = TraceOf("b_only", "no_stuck_mask");

        Assert.Contains("migrate_one_irq", Actions(trace));
        Assert.Contains(trace.Steps.Single(s => s.Action?.Name == "hv_pci_resume").Notes, n => n.StartsWith("hv_pci_restore_msi_state", StringComparison.Ordinal));
    }
}
