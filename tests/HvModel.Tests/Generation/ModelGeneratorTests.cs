using CsCheck;
using HvModel.Core.Binding;
using HvModel.Core.Ir;
using HvModel.TestSupport.Generation;

namespace HvModel.Tests.Generation;

/// <summary>The shared model generator writes valid models, covers the language, and replays from a seed.</summary>
public sealed class ModelGeneratorTests
{
    [Fact]
    public void Generated_models_load_through_the_front_end()
    {
        ModelGenerator.Default.Sample(m => { ModelLoader.LoadText(m.Text, m.FileName); }, iter: 400, threads: 1);
        ModelGenerator.Small.Sample(m => { ModelLoader.LoadText(m.Text, m.FileName); }, iter: 200, threads: 1);
    }

    [Fact]
    public void A_seed_regenerates_the_same_model()
    {
        Assert.Equal(ModelGenerator.Default.FromSeed(42).Text, ModelGenerator.Default.FromSeed(42).Text);
        Assert.NotEqual(ModelGenerator.Default.FromSeed(42).Text, ModelGenerator.Default.FromSeed(43).Text);
    }

    [Fact]
    public void Generated_models_use_every_construct_the_generator_promises()
    {
        var texts = Enumerable.Range(0, 300).Select(i => ModelGenerator.Default.FromSeed((ulong)i).Text).ToList();
        string[] constructs =
        [
            "const ", "enum ", "scalarset(", "array[", "hunk h", "variant ", "def ", "init", "procedure ", "action ", "when ",
            "calls ", "any ", "for ", "if ", "elsif ", "let ", "forall ", "exists ", "count ", "invariant ", "cover ", "allow deadlock", " in {",
        ];
        foreach (var c in constructs)
        {
            Assert.True(texts.Any(t => t.Contains(c, StringComparison.Ordinal)), $"no generated model contains '{c}'");
        }

        Assert.DoesNotContain(texts, t => t.Contains("expect", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_state_spaces_stay_within_the_bound()
    {
        foreach (var seed in Enumerable.Range(0, 200))
        {
            var model = ModelLoader.LoadText(ModelGenerator.Default.FromSeed((ulong)seed).Text);
            var product = model.Slots.Aggregate(1.0, (p, s) => p * s.Type.Count);
            Assert.True(product <= GeneratorSettings.Default.StateBound, $"seed {seed}: {product} states");
        }
    }

    [Fact]
    public void Liveness_models_have_every_form_and_both_fairness_kinds()
    {
        var models = Enumerable.Range(0, 200).Select(i => ModelGenerator.Liveness.FromSeed((ulong)i)).Select(m => ModelLoader.LoadText(m.Text, m.FileName)).ToList();
        var properties = models.SelectMany(m => m.Liveness).ToList();

        Assert.All(models, m => Assert.InRange(m.Liveness.Length, 1, 3));
        Assert.Equal(Enum.GetValues<LivenessForm>().ToHashSet(), properties.Select(p => p.Form).ToHashSet());
        Assert.Contains(models, m => m.Fairness.ContainsValue(Fairness.Weak));
        Assert.Contains(models, m => m.Fairness.ContainsValue(Fairness.Strong));

        // Choices whose condition may fail, in fair actions: "enabled" is then not the guard.
        Assert.Contains(models, m => m.Fairness.Keys.Any(a => StmtFacts.MayHaveNoOutcome(a.Body)));
    }
}
