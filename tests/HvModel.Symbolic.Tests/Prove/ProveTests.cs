using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Symbolic.Prove;

namespace HvModel.Symbolic.Tests.Prove;

/// <summary>
/// <c>hvmodel prove</c> end to end on small models: a proof for every size from inferred
/// lemmas, printed in the model's syntax and certified; no proof of a property that fails at a
/// size beyond the samples; refusals of models that are not one system for every size.
/// </summary>
public sealed class ProveTests
{
    [Fact]
    public void Mutual_exclusion_is_proved_for_every_number_of_processes_from_inferred_lemmas()
    {
        var proof = ProveHarness.Prove("tests/models/prove/lock.hvm");
        var r = Assert.Single(proof.Properties);
        Assert.Equal(Verdict.Holds, r.Verdict);
        Assert.True(r.InferredOnly);

        // The lemma that makes it inductive, found by inference and printed as the model writes it.
        Assert.Contains(proof.Invariant, l => l.Origin == LemmaOrigin.Inferred && l.Text == "forall p: Proc . pc[p] = critical -> locked");
        Assert.Contains(proof.Invariant, l => l.Origin == LemmaOrigin.Property && l.Text.StartsWith("forall p: Proc . forall p2: Proc .", StringComparison.Ordinal));
        Assert.NotNull(proof.Certificate);
        Assert.Contains("re-checked: initiation, consecution of request, consecution of enter, consecution of leave, exclusive follows", proof.Certificate);
        Assert.Contains("explicit: every lemma holds", proof.Certificate);
        Assert.StartsWith("EPR", proof.Fragment);
    }

    [Fact]
    public void A_property_that_holds_up_to_three_processes_and_fails_at_four_is_never_proved()
    {
        // The explicit engine: holds at 1, 2 and 3 processes (the sizes prove samples), fails at 4.
        foreach (var (n, expected) in new[] { ("1", Verdict.Holds), ("2", Verdict.Holds), ("3", Verdict.Holds), ("4", Verdict.Violated) })
        {
            var model = ProveHarness.Input("tests/models/prove/four_tokens.hvm", new Dictionary<string, string> { ["N"] = n }).Model;
            var result = new ExplicitEngine().Check(model, model.Variants[0], [model.GetProperty("at_most_three")], new CheckOptions { CheckDeadlock = false })[0];
            Assert.Equal(expected, result.Verdict);
        }

        var proof = ProveHarness.Prove("tests/models/prove/four_tokens.hvm");
        var r = Assert.Single(proof.Properties);
        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.StartsWith("outside EPR: integer state (taken)", proof.Fragment);

        // The counterexample to induction: three tokens taken, a process without one takes it.
        var cti = Assert.IsType<CounterexampleToInduction>(r.Cti);
        var step = cti.Step.Steps[1];
        Assert.Equal("take", step.Action!.Name);
        var taken = cti.Model.Vars.First(v => v.Name == "taken");
        Assert.Equal(3, cti.Step.Steps[0].State[taken.FirstSlot]);
        Assert.Equal(4, step.State[taken.FirstSlot]);
    }

    [Theory]
    [InlineData("sized_range.hvm", "changes with the sizes", "var taken")]
    [InlineData("blocked.hvm", "blocked.hvm:5:10: scalarset V is in blocks of 2", "no size-independent sort")]
    public void A_model_that_is_not_one_system_for_every_size_is_refused(string file, string reason, string detail)
    {
        var proof = ProveHarness.Prove($"tests/models/prove/{file}");
        var r = Assert.Single(proof.Properties);
        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Contains(reason, r.Reason);
        Assert.Contains(detail, r.Reason);
    }

    [Fact]
    public void A_loop_whose_iterations_see_each_others_writes_is_refused()
    {
        var proof = ProveHarness.Prove("tests/models/prove/racy_loop.hvm");
        var r = Assert.Single(proof.Properties);
        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Contains("racy_loop.hvm:9:3", r.Reason);
        Assert.Contains("order of iteration", r.Reason);
    }

    [Theory]
    [InlineData("tests/models/holds/counter.hvm", Verdict.Holds)]
    [InlineData("tests/models/violated/mutex_bug.hvm", Verdict.Violated)]
    public void A_model_without_scalarsets_is_proved_or_refuted_in_its_one_configuration(string file, Verdict expected)
    {
        var proof = ProveHarness.Prove(file);
        Assert.Equal(expected, Assert.Single(proof.Properties).Verdict);
        if (expected == Verdict.Violated)
        {
            Assert.Contains("violated at as given", proof.Properties[0].Reason);
        }
    }
}
