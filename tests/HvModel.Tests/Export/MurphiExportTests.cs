using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.Export.Murphi;

namespace HvModel.Tests.Export;

/// <summary>
/// The Murphi exporter against Rumur: the exported transition system must have exactly the
/// states HvModel's explicit engine finds, without symmetry reduction, and with it against
/// Rumur's exhaustive reduction (scalarsets stay scalarsets). A difference is a bug in the
/// exporter or in the engine. (The full campaign, every flagship variant at 2x2, 3x3 and 4x2,
/// and 3x3 with symmetry, is bench/rumur-states.sh.)
/// </summary>
public sealed class MurphiExportTests
{
    [Theory]
    [InlineData("tests/models/export/abort_paths.hvm", false)]
    [InlineData("tests/models/export/operators.hvm", false)]
    [InlineData("tests/models/export/split_members.hvm", false)]
    [InlineData("tests/models/export/split_members.hvm", true)]
    [InlineData("bench/models/classic/filter.hvm", false)]
    public void State_count_equals_rumurs(string path, bool symmetry)
    {
        var model = Check.LoadFile(path);
        AssertSameStates(model, model.Variants[0], symmetry);
    }

    [Theory]
    [InlineData("pre")]
    [InlineData("a_only")]
    [InlineData("b_only")]
    [InlineData("v1")]
    [InlineData("v3")]
    public void Flagship_state_count_equals_rumurs(string variant)
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        AssertSameStates(model, model.GetVariant(variant), symmetry: false);
    }

    [Fact]
    public void Flagship_v3_state_count_with_symmetry_equals_rumurs_exhaustive_reduction()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        AssertSameStates(model, model.GetVariant("v3"), symmetry: true);
    }

    [Fact]
    public void Rumur_finds_the_violation_hvmodel_finds()
    {
        var model = Check.LoadFile("tests/models/violated/test_and_set.hvm");
        var invariants = model.Properties.Where(p => p.Kind == PropertyKind.Invariant).ToList();
        Assert.True(RumurOracle.Run(MurphiExporter.Export(model, model.GetVariant("buggy"), "test", invariants), "states").Error);
        Assert.False(RumurOracle.Run(MurphiExporter.Export(model, model.GetVariant("fixed"), "test", invariants), "states").Error);
    }

    [Fact]
    public void A_procedure_argument_out_of_its_parameter_type_is_an_error_for_rumur_as_for_hvmodel()
    {
        // HvModel: "value 2 bound to 'p' is out of its range Small". The constant is not read in
        // place of the parameter: it goes through a rule variable of type Small, which Rumur checks.
        var model = Check.Load("""
            model narrow
            type Small = 0 .. 1
            var x: 0 .. 3 = 0
            procedure set(p: Small) x := p end
            action grow when x < 1 do x := x + 1 end
            action reset when x = 1 do set(2) end
            invariant small: x <= 3
            """);
        var answer = RumurOracle.Run(MurphiExporter.Export(model, model.Variants[0], "test"), "states");
        Assert.True(answer.Error);
        Assert.Contains("out-of-range", answer.Output);
    }

    [Fact]
    public void A_scalarset_with_distinguished_members_is_split_into_them_and_a_scalarset_of_the_rest()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        var text = MurphiExporter.Export(model, model.GetVariant("v3"), "test");
        Assert.Contains("CpuRest: scalarset(1);", text);
        Assert.Contains("CpuValue: record which: CpuWhich; rest: CpuRest; end;", text);
        Assert.Contains("Irq: scalarset(2);", text);
        Assert.Contains("online: record Cpu0: boolean; rest: array[CpuRest] of boolean; end;", text);
        Assert.Contains("eff_cpu: array[Irq] of CpuValue;", text);
        Assert.Contains("undefine eff_cpu[", text);              // a distinguished member held: no rest part
        Assert.Contains("rule \"cpu_down(c=Cpu0)\"", text);       // a parameter: the member apart,
        Assert.Contains("ruleset c: CpuRest do", text);           // and a ruleset over the rest
    }

    [Fact]
    public void A_choice_inside_a_loop_reads_one_digit_per_iteration()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        var text = MurphiExporter.Export(model, model.GetVariant("v3"), "test");

        // set_affinity at 2x2: a bool per CPU (2 * 2), an online CPU (2), pick_target's CPU (2).
        var rule = text[text.IndexOf("ruleset i: Irq; choice: 0..15 do\n  rule \"set_affinity(i, choice)\"", StringComparison.Ordinal)..];
        rule = rule[..rule.IndexOf("\nend;", StringComparison.Ordinal)];
        var loop = rule[rule.IndexOf("for c: CpuRest do", StringComparison.Ordinal)..];
        Assert.StartsWith("for c: CpuRest do\n      b := ((left % 2) = 1);\n      left := left / 2;\n      affinity[i].rest[c] := b;", loop);
        Assert.Contains("c_3_index := 1;\n      for c_3: CpuRest do\n        if c_3_index = c_3_digit then", rule); // the k-th member, never named
    }

    [Fact]
    public void An_any_without_candidate_discards_the_step()
    {
        var model = Check.LoadFile("tests/models/export/abort_paths.hvm");
        var text = MurphiExporter.Export(model, model.Variants[0], "test");
        Assert.Contains("aborted := true;", text);
        Assert.Contains("!aborted;", text);
    }

    [Fact]
    public void Too_many_combinations_of_choices_are_refused()
    {
        var model = Check.LoadFile("tests/models/limits/wide_choice.hvm");
        var error = Assert.Throws<ModelError>(() => MurphiExporter.Export(model, model.Variants[0], "test"));
        Assert.Contains("combinations of choices", error.Message);
    }

    private static void AssertSameStates(Model model, Variant variant, bool symmetry)
    {
        var engine = new ExplicitEngine();
        var results = engine.Check(model, variant, [.. model.Properties.Where(p => p.Kind == PropertyKind.Invariant)], new CheckOptions { Symmetry = symmetry });
        Assert.All(results, r => Assert.NotEqual(Verdict.Unknown, r.Verdict));
        Assert.Contains(results, r => r.Verdict == Verdict.Holds); // so the search was exhaustive
        var rumur = RumurOracle.CountStates(MurphiExporter.Export(model, variant, "test"), symmetry);
        Assert.Equal(engine.LastStats!.States, rumur);
    }
}
