using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit.Liveness;

namespace HvModel.Tests.Scenarios;

/// <summary>
/// Scenario 6 (docs/findings.md, "Multi-MSI"): the device's vectors are one multi-MSI block
/// (MSI=multi), for each of hv_compose_msi_msg()'s three ways with an existing chip_data. The
/// tables are written here independently of the model's expect tables.
/// </summary>
public class MultiMsiTests
{
    private static readonly string[] Columns = ["deliverable", "no_stuck_mask", "live_irte", "target_coherent", "no_spurious_error", "records_agree", "no_send_on_closed", "handled", "unmasked", "resume_ends"];
    private static readonly string[] Variants = ["pre", "a_only", "b_only", "v1", "v3"];

    private const string V = "violated";
    private const string H = "holds";

    private static Model Load(string compose) =>
        Check.LoadFile("properties/hv-pci-msi.hvp", new() { ["MSI"] = "multi", ["COMPOSE"] = compose });

    private static string[] Rows(string compose)
    {
        var model = Load(compose);
        var verdicts = Check.Explicit(model).Select(r => (r.Variant, r.Property, r.Verdict))
            .Concat(model.Variants.SelectMany(v => LivenessChecker.Check(model, v, new CheckOptions())).Select(r => (r.Variant, r.Property.Name, r.Verdict)))
            .ToList();
        return [.. Variants.Select(v => $"{v}: {string.Join(" ", Columns.Select(p => verdicts.Single(x => x.Variant == v && x.Item2 == p).Verdict.ToString().ToLowerInvariant()))}")];
    }

    private static string[] Table(params string[][] rows) =>
        [.. Variants.Zip(rows, (v, r) => $"{v}: {string.Join(" ", r)}")];

    // With c234ba804292 (reuse only for multi-MSI) and with b4b77778ecc5 (reuse for all): the
    // block's stale chip_data is reused on restore, nothing is re-created, in every variant.
    private static readonly string[] Reused = Table(
        [V, V, V, V, V, V, H, V, V, H],
        [V, H, V, V, H, V, H, V, H, H],
        [V, V, V, V, V, V, H, V, V, H],
        [V, V, V, V, H, V, H, V, V, H],
        [V, H, V, V, H, V, H, V, H, H]);

    [Fact]
    public void Reuse_limited_to_multi_MSI_still_loses_a_multi_MSI_blocks_interrupts_after_hibernation() =>
        Assert.Equal(Reused, Rows("reuse_multi"));

    [Fact]
    public void Reuse_for_all_loses_them_the_same_way() =>
        Assert.Equal(Reused, Rows("reuse_all"));

    [Fact]
    public void Without_reuse_hunk_B_recreates_the_block_but_with_the_dummy_vector_nothing_retargets()
    {
        // live_irte holds wherever hunk B runs; target coherence and the later vectors' records do not.
        var expected = Table(
            [V, V, V, V, V, V, H, V, V, H],
            [V, H, V, V, H, V, H, V, H, H],
            [V, V, H, V, V, V, H, V, V, H],
            [V, V, H, V, H, V, H, V, V, H],
            [V, H, H, V, H, V, H, V, H, H]);

        Assert.Equal(expected, Rows("fresh"));
    }

    [Fact]
    public void V3_story_under_reuse_multi_is_the_blocks_stale_chip_data_reused_on_restore()
    {
        var result = Check.Result(Check.Explicit(Load("reuse_multi")), "v3", "live_irte");

        Assert.Equal(Verdict.Violated, result.Verdict);
        var steps = result.Trace!.Steps.Skip(1).ToList();
        Assert.Equal(["setup", "freeze", "hv_pci_suspend", "cpu_down", "power_cycle", "cpu_up", "hv_pci_resume", "pci_restore_msi_state", "drivers_restore"], steps.Select(s => s.Action!.Name));
        Assert.Contains(steps[0].Notes, n => n.StartsWith("PCI_CREATE_INTERRUPT_MESSAGE for the whole block", StringComparison.Ordinal));
        Assert.Contains(steps[0].Notes, n => n.StartsWith("not the block's first vector: the first's message", StringComparison.Ordinal));
        Assert.Contains(steps[6].Notes, n => n.StartsWith("reuse the previous allocation", StringComparison.Ordinal));
        Assert.DoesNotContain(steps[6].Notes, n => n.StartsWith("PCI_CREATE_INTERRUPT_MESSAGE", StringComparison.Ordinal));
    }

    [Fact]
    public void V3_story_without_reuse_is_the_dummy_vector_left_in_the_recreated_block()
    {
        var result = Check.Result(Check.Explicit(Load("fresh")), "v3", "target_coherent");

        Assert.Equal(Verdict.Violated, result.Verdict);
        var resume = result.Trace!.Steps.Single(s => s.Action?.Name == "hv_pci_resume");
        Assert.Contains(resume.Notes, n => n.Contains("dummy vector 32", StringComparison.Ordinal));
        Assert.Equal("drivers_restore", result.Trace.Steps[^1].Action!.Name);
    }

    [Theory]
    [InlineData("fresh")]
    [InlineData("reuse_multi")]
    public void The_gate_finds_only_what_the_properties_expect(string compose)
    {
        // Among them: setup of a later vector never fires (the block is allocated whole), and
        // under reuse_multi hunk B is inert.
        var model = Load(compose);
        var gate = HvModel.Explicit.Review.Gate.Run(model, model.Variants);

        Assert.All(gate.Findings, f => Assert.True(f.Expected, f.Subject));
        Assert.Contains(gate.Findings, f => f.Subject == "setup(i=Irq1)");
        Assert.Equal(compose == "reuse_multi", gate.Findings.Any(f => f.Subject == "restore_msi_state"));
        Assert.Equal(0, gate.ExitCode);
    }

    [Fact]
    public void A_block_of_one_vector_is_plain_MSI_with_mask_bits()
    {
        // Upstream's multi_msi needs nvec_used > 1: one vector is composed and reused as msi_mask.
        var one = new Dictionary<string, string> { ["MSI"] = "multi", ["IRQS"] = "1", ["COMPOSE"] = "reuse_multi" };
        var mask = new Dictionary<string, string> { ["MSI"] = "msi_mask", ["IRQS"] = "1", ["COMPOSE"] = "reuse_multi" };
        var verdicts = (Dictionary<string, string> c) => Check.Explicit(Check.LoadFile("properties/hv-pci-msi.hvp", c))
            .Select(r => $"{r.Variant}/{r.Property}: {r.Verdict} {r.States}").ToList();

        Assert.Equal(verdicts(mask), verdicts(one));
    }

    [Fact]
    public void The_block_is_one_scalarset_block_with_every_vector_fixed()
    {
        var irq = Load("fresh").Scalarsets.Single(s => s.Name == "Irq");

        Assert.Equal(2, irq.Block);
        Assert.Equal(0, irq.Interchangeable);
        Assert.Equal(1, Check.LoadFile("properties/hv-pci-msi.hvp").Scalarsets.Single(s => s.Name == "Irq").Block);
    }
}
