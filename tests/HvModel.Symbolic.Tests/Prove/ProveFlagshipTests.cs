using HvModel.Core.Ir;
using HvModel.Symbolic.Prove;

namespace HvModel.Symbolic.Tests.Prove;

/// <summary>
/// Issue 23's acceptance on the flagship: 915cff7f38c5 (v3) proved for every number of CPUs
/// and IRQs from inferred lemmas alone, its invariant printed in the model's syntax and
/// certified. (v1 and the buggy variants run in bench/prove.sh: together they take minutes.)
/// </summary>
public sealed class ProveFlagshipTests
{
    [Fact]
    public void V3_holds_for_every_number_of_cpus_and_irqs_from_inferred_lemmas_alone()
    {
        var proof = ProveHarness.Prove("properties/hv-pci-msi.hvp", "v3");
        Assert.Equal(7, proof.Properties.Count);
        Assert.All(proof.Properties, p =>
        {
            Assert.Equal(Verdict.Holds, p.Verdict);
            Assert.True(p.InferredOnly);
        });
        Assert.DoesNotContain(proof.Invariant, l => l.Origin == LemmaOrigin.HandWritten);
        Assert.Contains(proof.Invariant, l => l.Origin == LemmaOrigin.Inferred && l.Text.StartsWith("forall i: Irq . ", StringComparison.Ordinal));
        Assert.All(proof.Invariant, l => Assert.DoesNotContain("x!", l.Text));
        Assert.Equal("EPR (stratified: Irq -> Cpu)", proof.Fragment);
        Assert.NotNull(proof.Certificate);
        Assert.Contains("consecution of migrate_one_irq", proof.Certificate);
        Assert.Contains("deliverable follows", proof.Certificate);
        Assert.DoesNotContain("failed", proof.Certificate);
    }
}
