using HvModel.Core.Ir;
using HvModel.Export.Aiger;

namespace HvModel.Tests.Export;

/// <summary>
/// The exported transition relation against the evaluator, without ABC: random input vectors
/// (an instance, mostly a valid one, and random choice bits) are run through the file, and
/// every step is held to the evaluator's (see <see cref="AigerReplay"/>). This reaches the
/// arithmetic, the choices and the model errors on many paths that no counterexample takes.
/// </summary>
public sealed class AigerWalkTests
{
    private const int Walks = 40;
    private const int StepsPerWalk = 30;

    [Theory]
    [InlineData("tests/models/export/arith.hvm", null)]
    [InlineData("tests/models/export/operators.hvm", null)]
    [InlineData("tests/models/export/abort_paths.hvm", null)]
    [InlineData("tests/models/violated/slots.hvm", null)]
    [InlineData("tests/models/violated/ticketlock.hvm", "racy")]
    [InlineData("properties/hv-pci-msi.hvp", "pre")]
    [InlineData("properties/hv-pci-msi.hvp", "v3")]
    public void Random_steps_through_the_file_are_the_evaluators(string path, string? variantName)
    {
        var model = Check.LoadFile(path);
        var variant = variantName is null ? model.Variants[0] : model.GetVariant(variantName);
        var properties = model.Properties.Where(p => p.Kind == PropertyKind.Invariant).Take(1).Cast<PropertyDef?>().Append(null);
        var errors = 0;
        foreach (var property in properties)
        {
            var export = AigerExporter.Export(model, variant, property, "test");
            var layout = export.Layout;
            var random = new Random(20240);
            for (var walk = 0; walk < Walks; walk++)
            {
                var frames = new List<bool[]>();
                for (var f = 0; f < StepsPerWalk; f++)
                {
                    var inputs = new bool[layout.InputCount];
                    for (var k = 0; k < inputs.Length; k++)
                    {
                        inputs[k] = random.Next(2) == 1;
                    }

                    // Mostly an existing instance: a random selector past the last one is rarer here than in the bits.
                    var instance = random.Next(layout.Instances.Length + 1);
                    for (var k = 0; k < layout.SelectorInputs.Length; k++)
                    {
                        inputs[layout.SelectorInputs[k]] = ((instance >> k) & 1) != 0;
                    }

                    frames.Add(inputs);
                }

                if (AigerReplay.Run(model, variant, property, export, frames).Bad == AigerBad.ModelError)
                {
                    errors++;
                }
            }
        }

        if (path.EndsWith("arith.hvm", StringComparison.Ordinal))
        {
            Assert.True(errors > 0, "no walk reached a model error: the error encoding went untested");
        }
    }
}
