using HvModel.Core.Ir;

namespace HvModel.Tests.Scenarios;

/// <summary>
/// Scenario 3 (2738d5ab7929, docs/findings.md): a PCI_EJECT while a driver sets up its IRQs.
/// Before the fix compose gives up and leaves chip_data NULL, and the unmask that follows
/// dereferences it; after the fix the unmask warns instead.
/// </summary>
public class EjectDuringSetupTests
{
    private static IReadOnlyList<Core.Checking.CheckResult> Run(string eject) =>
        Check.Explicit(Check.LoadFile("properties/scenarios.hvp", new() { ["EJECT"] = eject }));

    [Fact]
    public void Before_the_fix_every_variant_panics_in_unmask()
    {
        var results = Run("races_compose");

        foreach (var v in new[] { "pre", "a_only", "b_only", "v1", "v3" })
        {
            var r = Check.Result(results, v, "unmask_has_chip_data");
            Assert.Equal(Verdict.Violated, r.Verdict);
            Assert.Equal(["pci_eject", "setup"], r.Trace!.Steps.Skip(1).Select(s => s.Action!.Name));
        }
    }

    [Fact]
    public void After_the_fix_no_unmask_dereferences_a_null_chip_data_and_the_spec_table_is_unchanged()
    {
        var fixedResults = Run("fixed");
        var absent = Run("absent");

        Assert.All(fixedResults.Where(r => r.Property == "unmask_has_chip_data"), r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.Equal(
            absent.Select(r => $"{r.Variant}/{r.Property}: {r.Verdict}"),
            fixedResults.Select(r => $"{r.Variant}/{r.Property}: {r.Verdict}"));
    }
}
