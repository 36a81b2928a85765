using HvModel.Core.Checking;

namespace HvModel.Tests.Scenarios;

/// <summary>
/// Scenario 1 of the scenario library (spec section 7, docs/findings.md): what
/// hv_compose_msi_msg() does with an existing chip_data. The tables are written here
/// independently of the model's expect tables.
/// </summary>
public class ComposeReuseTests
{
    private static readonly string[] Columns = ["deliverable", "no_stuck_mask", "live_irte", "target_coherent", "no_spurious_error", "records_agree", "no_send_on_closed"];
    private static readonly string[] Variants = ["pre", "a_only", "b_only", "v1", "v3"];

    private const string V = "violated";
    private const string H = "holds";

    private static string[] Rows(params string[] constants)
    {
        var overrides = constants.Select(c => c.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var model = Check.LoadFile("properties/hv-pci-msi.hvp", overrides);
        var results = Check.Explicit(model);
        return [.. Variants.Select(v => $"{v}: {string.Join(" ", Columns.Select(p => Check.Result(results, v, p).Verdict.ToString().ToLowerInvariant()))}")];
    }

    private static string[] Table(params string[][] rows) =>
        [.. Variants.Zip(rows, (v, r) => $"{v}: {string.Join(" ", r)}")];

    [Fact]
    public void Reuse_all_breaks_hunk_B_for_a_keeping_driver_in_every_variant()
    {
        var expected = Table(
            [V, V, V, V, V, V, H],
            [V, H, V, V, H, V, H],
            [V, V, V, V, V, V, H],
            [V, V, V, V, H, V, H],
            [V, H, V, V, H, V, H]);

        Assert.Equal(expected, Rows("COMPOSE=reuse_all"));
    }

    [Fact]
    public void Reuse_limited_to_multi_MSI_gives_the_default_table_for_MSI_X() =>
        Assert.Equal(Rows(), Rows("COMPOSE=reuse_multi", "MSI=msix"));

    [Fact]
    public void A_recreating_driver_is_safe_under_reuse_all()
    {
        var expected = Table([.. Enumerable.Repeat(Enumerable.Repeat(H, Columns.Length).ToArray(), Variants.Length)]);

        Assert.Equal(expected, Rows("COMPOSE=reuse_all", "DRIVER=recreate"));
    }

    [Fact]
    public void V3_story_under_reuse_all_is_the_stale_chip_data_written_after_resume()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp", new() { ["COMPOSE"] = "reuse_all" });
        var result = Check.Result(Check.Explicit(model), "v3", "live_irte");

        Assert.Equal(Core.Ir.Verdict.Violated, result.Verdict);
        var steps = result.Trace!.Steps.Skip(1).Select(s => s.Action!.Name).ToList();
        Assert.Equal(["setup", "freeze", "hv_pci_suspend", "cpu_down", "power_cycle", "cpu_up", "hv_pci_resume", "pci_restore_msi_state", "drivers_restore"], steps);
    }
}
