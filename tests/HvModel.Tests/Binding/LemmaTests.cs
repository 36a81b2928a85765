using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;

namespace HvModel.Tests.Binding;

/// <summary><c>lemma NAME "why": expr</c>: bound as an invariant marked hand-written, checked like one by every engine.</summary>
public sealed class LemmaTests
{
    private const string Model = """
        model lemmas
        var n: 0 .. 3 = 0
        action up when n < 3 do n := n + 1 end
        invariant small "n stays small": n <= 3
        lemma below_two "claimed without looking": n < 2
        """;

    [Fact]
    public void A_lemma_is_an_invariant_marked_hand_written_with_its_reason()
    {
        var model = ModelLoader.LoadText(Model);
        var lemma = model.GetProperty("below_two");
        Assert.True(lemma.IsLemma);
        Assert.Equal(PropertyKind.Invariant, lemma.Kind);
        Assert.Equal("claimed without looking", lemma.Description);
        Assert.False(model.GetProperty("small").IsLemma);
    }

    [Fact]
    public void A_wrong_lemma_is_reported_violated_like_any_invariant()
    {
        var model = ModelLoader.LoadText(Model);
        var results = new ExplicitEngine().Check(model, model.Variants[0], model.Properties, new CheckOptions { CheckDeadlock = false });
        Assert.Equal(Verdict.Holds, results.Single(r => r.Property == "small").Verdict);
        var below = results.Single(r => r.Property == "below_two");
        Assert.Equal(Verdict.Violated, below.Verdict);
        Assert.Equal(2, below.Trace!.Length);
    }

    [Fact]
    public void A_lemma_without_a_reason_is_a_located_error()
    {
        var e = Assert.Throws<ModelError>(() => ModelLoader.LoadText("var n: 0 .. 3 = 0\nlemma bare: n < 4\n"));
        Assert.Equal("model.hvm:2:11: error: a lemma says why it holds: lemma bare \"why\": expr", e.Format());
    }

    [Fact]
    public void Lemma_is_a_keyword()
    {
        var e = Assert.Throws<ModelError>(() => ModelLoader.LoadText("var lemma: bool = true\n"));
        Assert.Contains("lemma", e.Message);
    }
}
