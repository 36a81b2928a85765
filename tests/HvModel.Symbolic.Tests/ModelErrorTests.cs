using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// A reachable model error (a value out of its variable's range, an index out of bounds) is
/// reported by every symbolic engine as Unknown, "model error: ...", with the evaluator's own
/// message and the shortest path to the state where it happens; it never hides in a proof.
/// </summary>
public sealed class ModelErrorTests
{
    [Theory]
    [InlineData(TestModels.Overflow, "value 4 assigned to 'x' is out of its range R", 3)]
    [InlineData(TestModels.IndexRead, "index 3 is out of range R", 3)]
    public void A_reachable_model_error_is_reported_with_its_path(string text, string message, int length)
    {
        var model = ModelLoader.LoadText(text);
        foreach (IEngine engine in new IEngine[] { new BmcEngine(), new KInductionEngine(), new PdrEngine() })
        {
            var r = engine.Check(model, model.Variants[0], model.Properties, new CheckOptions { Depth = 6 })[0];
            Assert.Equal(Verdict.Unknown, r.Verdict);
            Assert.StartsWith("model error: ", r.Reason);
            Assert.Contains(message, r.Reason);
            Assert.Equal(length, r.Trace!.Length);
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
            var r = engine.Check(model, model.Variants[0], model.Properties, new CheckOptions { Depth = 3 })[0];
            Assert.Equal(Verdict.Unknown, r.Verdict);
            Assert.Contains("value 4 assigned to 'y'", r.Reason);
            Assert.Contains("init", r.Reason);
        }
    }
}
