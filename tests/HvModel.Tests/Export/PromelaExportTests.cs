using HvModel.Core.Checking;
using HvModel.Export;
using HvModel.Core.Ir;
using HvModel.Explicit;

namespace HvModel.Tests.Export;

/// <summary>
/// The Promela exporter against SPIN: the exported transition system must have exactly the
/// states HvModel's explicit engine finds without symmetry. A difference is a bug in the
/// exporter or in the engine. (The full campaign, every flagship variant at 2x2, 3x3 and 4x2,
/// is bench/spin-states.sh.)
/// </summary>
public sealed class PromelaExportTests
{
    [Theory]
    [InlineData("tests/models/export/abort_paths.hvm")]
    [InlineData("tests/models/export/operators.hvm")]
    [InlineData("tests/models/holds/tokens.hvm")]
    [InlineData("bench/models/classic/filter.hvm")]
    [InlineData("bench/models/classic/szymanski.hvm")]
    [InlineData("bench/models/classic/philosophers.hvm")]
    public void State_count_equals_spins(string path)
    {
        var model = Check.LoadFile(path);
        AssertSameStates(model, model.Variants[0]);
    }

    [Fact]
    public void Flagship_v3_state_count_equals_spins()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        AssertSameStates(model, model.GetVariant("v3"));
    }

    [Fact]
    public void An_any_without_candidate_undoes_the_step()
    {
        var model = Check.LoadFile("tests/models/export/abort_paths.hvm");
        var text = PromelaExporter.Export(model, model.Variants[0], "test");
        Assert.Contains("shadow_x = x;", text);
        Assert.Contains("x = shadow_x;", text);
    }

    private static void AssertSameStates(Model model, Variant variant)
    {
        var engine = new ExplicitEngine();
        var results = engine.Check(model, variant, [.. model.Properties.Where(p => p.Kind == PropertyKind.Invariant)], new CheckOptions { Symmetry = false });
        Assert.All(results, r => Assert.NotEqual(Verdict.Unknown, r.Verdict));
        Assert.Contains(results, r => r.Verdict == Verdict.Holds); // so the search was exhaustive
        var spin = SpinOracle.CountStates(PromelaExporter.Export(model, variant, "test"));
        Assert.Equal(engine.LastStats!.States, spin);
    }
}
