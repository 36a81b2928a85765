using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// A reachable model error (a value out of its variable's range, an index out of bounds) stops
/// every symbolic engine with a <see cref="ModelRuntimeFailure"/>, as it stops the explicit engine:
/// the evaluator's own error, the shortest path to the state where it happens and the failing
/// action instance. It never hides in a proof.
/// </summary>
public sealed class ModelErrorTests
{
    [Theory]
    [InlineData("overflow.hvm", "value 4 assigned to 'x' is out of its range R", 3, "up")]
    [InlineData("index_read.hvm", "index 3 is out of range R", 3, "look")]
    public void A_reachable_model_error_is_reported_with_its_path(string file, string message, int length, string action)
    {
        var model = ModelLoader.LoadFile(Repo.Path("tests", "models", "runtime", file));
        foreach (IEngine engine in new IEngine[] { new BmcEngine(), new KInductionEngine(), new PdrEngine() })
        {
            var f = Assert.Throws<ModelRuntimeFailure>(() => engine.Check(model, model.Variants[0], model.Properties, new CheckOptions { Depth = 6 }));
            Assert.Equal(message, f.Error.Message);
            Assert.Equal(length, f.Trace.Length);
            Assert.Equal(action, f.Action?.Name);
        }
    }

    // Found in review: z3's integers are unbounded, so 32-bit overflow was no error there, and
    // k-induction and Spacer proved what the explicit engine reports as a model error.
    [Theory]
    [InlineData("var x: 0 .. 1 in {0, 1}\nvar y: bool = false\naction flip do y := !y end\ninvariant nonneg: x * 65536 * 65536 >= 0", 0, null)]
    [InlineData("var x: 0 .. 1 = 0\naction set when x = 0 do x := 65536 * 65536 + 1 end\ninvariant small: x <= 1", 0, "set")]
    public void Integer_overflow_is_a_model_error_for_every_engine(string text, int length, string? action)
    {
        var model = ModelLoader.LoadText(text);
        foreach (IEngine engine in new IEngine[] { new BmcEngine(), new KInductionEngine(), new PdrEngine() })
        {
            var f = Assert.Throws<ModelRuntimeFailure>(() => engine.Check(model, model.Variants[0], model.Properties, new CheckOptions { Depth = 6 }));
            Assert.Equal("integer overflow (values are 32-bit)", f.Error.Message);
            Assert.Equal(length, f.Trace.Length);
            Assert.Equal(action, f.Action?.Name);
        }
    }

    [Fact]
    public void An_error_in_the_init_block_is_reported()
    {
        var model = ModelLoader.LoadText("""
            type R = 0 .. 3
            var x: R in {1, 2}
            var y: R = 0
            init y := x + 2 end
            action stay do skip end
            invariant fine: true
            """);
        foreach (IEngine engine in new IEngine[] { new BmcEngine(), new KInductionEngine(), new PdrEngine() })
        {
            var f = Assert.Throws<ModelRuntimeFailure>(() => engine.Check(model, model.Variants[0], model.Properties, new CheckOptions { Depth = 3 }));
            Assert.Contains("value 4 assigned to 'y'", f.Error.Message);
            Assert.Null(f.Action);
            Assert.True(f.Trace.Steps.IsEmpty);
        }
    }
}
