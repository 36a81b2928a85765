using HvModel.Core.Ir;
using HvModel.Export.Aiger;

namespace HvModel.Tests.Export;

/// <summary>
/// The AIGER exporter against ABC and the evaluator: ABC's pdr must give the explicit engine's
/// verdict on every property (and deadlock) of the small test models, each of its
/// counterexamples must replay through the evaluator, and bmc3's must be as short as the
/// explicit engine's. A verdict that differs, or a counterexample that does not replay, is a
/// bug in the exporter. Without berkeley-abc these tests fail, naming ./setup.
/// </summary>
public sealed class AigerExportTests
{
    public static TheoryData<string> SmallModels =>
    [
        "tests/models/holds/counter.hvm",
        "tests/models/holds/mutex.hvm",
        "tests/models/holds/tokens.hvm",
        "tests/models/violated/deadlock_variants.hvm",
        "tests/models/violated/die_hard.hvm",
        "tests/models/violated/dlreg.hvm",
        "tests/models/violated/jugs.hvm",
        "tests/models/violated/mutex_bug.hvm",
        "tests/models/violated/order_dependent_loop.hvm",
        "tests/models/violated/refcount.hvm",
        "tests/models/violated/slots.hvm",
        "tests/models/violated/test_and_set.hvm",
        "tests/models/violated/ticketlock.hvm",
        "tests/models/violated/wrapping_counter.hvm",
        "tests/models/export/operators.hvm",
        "tests/models/export/abort_paths.hvm",
    ];

    [Theory]
    [MemberData(nameof(SmallModels))]
    public void Abc_agrees_with_the_explicit_engine_and_its_counterexamples_replay(string path)
    {
        var model = Check.LoadFile(path);
        var results = Check.Explicit(model);
        foreach (var r in results.Where(r => r.Verdict is Verdict.Holds or Verdict.Violated))
        {
            var variant = model.GetVariant(r.Variant);
            var property = r.Property == Model.DeadlockProperty ? null : model.GetProperty(r.Property);
            var export = AigerExporter.Export(model, variant, property, "test");
            var cell = $"{path} {r.Variant}/{r.Property}";

            // The bad output is reachable exactly when an invariant (or deadlock freedom) is violated or a cover reached.
            var badReachable = property?.Kind == PropertyKind.Cover ? r.Verdict == Verdict.Holds : r.Verdict == Verdict.Violated;
            var pdr = AbcOracle.Run(export.Bytes, "pdr -T 60", export.Layout.InputCount);
            Assert.True(badReachable ? pdr.Violated : pdr.Holds, $"{cell}: the explicit engine says {r.Verdict}, ABC's pdr:\n{pdr.Output}");
            if (!badReachable)
            {
                continue;
            }

            var (_, why) = AigerReplay.Run(model, variant, property, export, pdr.Frames);
            Assert.Equal(AigerBad.PropertyFails, why);

            // bmc3's counterexample is a shortest one, as the explicit engine's is.
            var bmc = AbcOracle.Run(export.Bytes, "bmc3 -F 60", export.Layout.InputCount);
            Assert.True(bmc.Violated, $"{cell}: bmc3 finds no counterexample:\n{bmc.Output}");
            var (trace, bmcWhy) = AigerReplay.Run(model, variant, property, export, bmc.Frames);
            Assert.Equal(AigerBad.PropertyFails, bmcWhy);
            Assert.True(r.Trace is not null, cell);
            Assert.Equal(r.Trace.Length, trace.Length);
        }
    }

    [Theory]
    [InlineData("tests/models/runtime/overflow.hvm")]
    [InlineData("tests/models/runtime/index_read.hvm")]
    public void A_reachable_model_error_is_a_bad_state_and_replays_as_one(string path)
    {
        var model = Check.LoadFile(path);
        var variant = model.Variants[0];
        var export = AigerExporter.Export(model, variant, model.Properties[0], "test");
        var pdr = AbcOracle.Run(export.Bytes, "pdr -T 60", export.Layout.InputCount);
        Assert.True(pdr.Violated, pdr.Output);
        var (_, why) = AigerReplay.Run(model, variant, model.Properties[0], export, pdr.Frames);
        Assert.Equal(AigerBad.ModelError, why);
    }

    [Fact]
    public void Abc_agrees_on_the_flagship_v3_and_pre_with_counterexamples_that_replay()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        foreach (var name in new[] { "pre", "v3" })
        {
            var variant = model.GetVariant(name);
            foreach (var property in model.Properties.Where(p => p.Kind == PropertyKind.Invariant).Append(null))
            {
                var export = AigerExporter.Export(model, variant, property, "test");
                var expected = model.Expected(name, property?.Name ?? Model.DeadlockProperty);
                var pdr = AbcOracle.Run(export.Bytes, "pdr -T 60", export.Layout.InputCount);
                Assert.True(expected == Verdict.Violated ? pdr.Violated : pdr.Holds, $"{name}/{property?.Name}: expected {expected}:\n{pdr.Output}");
                if (pdr.Violated)
                {
                    Assert.Equal(AigerBad.PropertyFails, AigerReplay.Run(model, variant, property, export, pdr.Frames).Bad);
                }
            }
        }
    }

    [Fact]
    public void The_command_writes_a_binary_aiger_file_and_refuses_what_it_cannot_export()
    {
        var dir = Directory.CreateTempSubdirectory("hvmodel-aiger").FullName;
        var file = Path.Combine(dir, "dh.aig");
        var ok = Cli.CliProcess.Run("export", "--to", "aiger", "tests/models/violated/die_hard.hvm", "--property", "never_four", "--out", file);
        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("aig ", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file)[..4]));

        var none = Cli.CliProcess.Run("export", "--to", "aiger", "tests/models/violated/die_hard.hvm");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--to aiger exports one property", none.Stderr);

        var unknown = Cli.CliProcess.Run("export", "--to", "aiger", "tests/models/violated/die_hard.hvm", "--property", "nothing");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("<command line>:1:1: error: --property nothing: the model has no such property", unknown.Stderr);
    }
}
