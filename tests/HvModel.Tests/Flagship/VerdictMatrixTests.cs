using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Tests.Flagship;

/// <summary>
/// The verdicts of shared/spec/hv-msi-lifecycle.md section 6, computed by the explicit engine
/// on the flagship model. The tables are written here independently of the model's own expect
/// tables, so a change that breaks either shows.
/// </summary>
public class VerdictMatrixTests
{
    private static readonly string[] Columns = ["deliverable", "no_stuck_mask", "live_irte", "target_coherent", "no_spurious_error", "records_agree", "no_send_on_closed"];

    private const string V = "violated";
    private const string H = "holds";

    private static readonly Dictionary<string, string[]> SpecTable = new()
    {
        ["pre"] = [V, V, V, V, V, V, H],
        ["a_only"] = [V, H, V, V, H, V, H],
        ["b_only"] = [V, V, H, H, V, H, H],
        ["v1"] = [H, H, H, H, H, H, H],
        ["v3"] = [H, H, H, H, H, H, H],
    };

    private static Dictionary<string, string[]> Matrix(params string[] constants)
    {
        var overrides = constants.Select(c => c.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var model = Check.LoadFile("properties/hv-pci-msi.hvp", overrides);
        var results = Check.Explicit(model);
        return SpecTable.Keys.ToDictionary(v => v, v => Columns.Select(p => Check.Result(results, v, p).Verdict.ToString().ToLowerInvariant()).ToArray());
    }

    private static void AssertTable(Dictionary<string, string[]> expected, Dictionary<string, string[]> actual)
    {
        foreach (var (variant, row) in expected)
        {
            Assert.Equal($"{variant}: {string.Join(" ", row)}", $"{variant}: {string.Join(" ", actual[variant])}");
        }
    }

    [Fact]
    public void Default_configuration_gives_the_spec_table_cell_for_cell() => AssertTable(SpecTable, Matrix());

    [Fact]
    public void Three_cpus_leave_the_table_unchanged() => AssertTable(SpecTable, Matrix("CPUS=3"));

    [Fact]
    public void MSI_with_mask_bits_behaves_like_MSI_X() => AssertTable(SpecTable, Matrix("MSI=msi_mask"));

    [Theory]
    [InlineData("DRIVER=recreate")]
    [InlineData("HYPERVISOR=trap")]
    public void Everything_holds_in_every_variant(string constant)
    {
        var all = SpecTable.Keys.ToDictionary(v => v, _ => Enumerable.Repeat(H, Columns.Length).ToArray());

        AssertTable(all, Matrix(constant));
    }

    [Fact]
    public void Without_mask_bits_nothing_stays_masked_but_the_stale_message_remains()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["pre"] = [V, H, V, V, V, V, H],
            ["a_only"] = [V, H, V, V, H, V, H],
            ["b_only"] = [H, H, H, H, V, H, H],
            ["v1"] = [H, H, H, H, H, H, H],
            ["v3"] = [H, H, H, H, H, H, H],
        };

        AssertTable(expected, Matrix("MSI=msi_nomask"));
    }

    [Fact]
    public void Protocol_1_1_breaks_target_coherence_in_every_variant()
    {
        var expected = SpecTable.ToDictionary(kv => kv.Key, kv =>
        {
            var row = (string[])kv.Value.Clone();
            row[0] = V;
            row[3] = V;
            return row;
        });

        AssertTable(expected, Matrix("PROTOCOL=v1_1"));
    }

    [Fact]
    public void The_model_own_expectations_match_every_computed_verdict()
    {
        foreach (var config in new[] { "", "DRIVER=recreate", "MSI=msi_nomask", "HYPERVISOR=trap", "PROTOCOL=v1_1", "MANAGED=true" })
        {
            var overrides = config.Length == 0 ? new Dictionary<string, string>() : new() { [config.Split('=')[0]] = config.Split('=')[1] };
            var results = Check.Explicit(Check.LoadFile("properties/hv-pci-msi.hvp", overrides));

            Assert.Empty(results.Where(r => r.Differs).Select(r => $"{config}: {r.Variant}/{r.Property}"));
            Assert.Equal(0, CheckRunner.ExitCode(results));
        }
    }

    [Fact]
    public void Covers_are_reached_so_no_invariant_holds_vacuously()
    {
        var results = Check.Explicit(Check.LoadFile("properties/hv-pci-msi.hvp"));

        Assert.All(results.Where(r => r.Property == "resume_completes"), r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.All(results.Where(r => r.Property == "migrated_while_suspending"), r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.Equal(Verdict.Violated, Check.Result(results, "v1", "retarget_fails").Verdict);
        Assert.Equal(Verdict.Holds, Check.Result(results, "v3", "retarget_fails").Verdict);
    }
}
