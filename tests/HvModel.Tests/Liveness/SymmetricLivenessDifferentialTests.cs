using System.Diagnostics;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit.Liveness;
using HvModel.TestSupport.Generation;
using Xunit.Abstractions;

namespace HvModel.Tests.Liveness;

/// <summary>
/// Liveness under symmetry gives the verdicts of the whole graph on generated symmetric models
/// with random liveness properties and fairness (<see cref="SymmetricLivenessWriter"/>); the
/// counts show that the comparison compares something: verdicts both ways, verdicts that the
/// fairness decides, and models where reading the stored states' names naively would be wrong.
/// </summary>
public class SymmetricLivenessDifferentialTests(ITestOutputHelper output)
{
    private const int Models = 300;

    [Fact]
    public void Generated_symmetric_models_give_the_same_liveness_verdicts_with_and_without_symmetry()
    {
        var watch = Stopwatch.StartNew();
        var (reduced, holds, violated, decidedByFairness, naiveWrong) = (0, 0, 0, 0, 0);
        for (var seed = 1UL; seed <= Models; seed++)
        {
            var m = SymmetricLivenessWriter.Append(ModelGenerator.Symmetric.FromSeed(seed));
            var model = ModelLoader.LoadText(m.Text, m.FileName);
            var variant = model.Variants[0];
            var with = LivenessChecker.Check(model, variant, new CheckOptions());
            var without = LivenessChecker.Check(model, variant, new CheckOptions { Symmetry = false });

            Assert.True(
                with.Select(r => r.Verdict).SequenceEqual(without.Select(r => r.Verdict)),
                $"{m}\nwith symmetry: {string.Join(", ", with.Select(r => r.Verdict))}\nwithout: {string.Join(", ", without.Select(r => r.Verdict))}");
            Assert.All(without, r => Assert.Contains(r.Verdict, new[] { Verdict.Holds, Verdict.Violated }));
            if (!with.All(r => r.Symmetry))
            {
                continue;
            }

            reduced++;
            holds += with.Count(r => r.Verdict == Verdict.Holds);
            violated += with.Count(r => r.Verdict == Verdict.Violated);

            // Without any fairness a behaviour may stop anywhere: what holds only under fairness.
            var unfair = LivenessChecker.Check(model with { Fairness = model.Fairness.Clear() }, variant, new CheckOptions());
            decidedByFairness += with.Zip(unfair).Count(p => p.First.Verdict != p.Second.Verdict);
            naiveWrong += NaiveQuotient.Verdicts(model, variant)!.Zip(with).Any(p => p.First != p.Second.Verdict) ? 1 : 0;
        }

        output.WriteLine($"{Models} models in {watch.Elapsed.TotalSeconds:0.0} s: {reduced} reduced; {holds} holds, {violated} violated, {decidedByFairness} decided by fairness; {naiveWrong} models where the naive quotient is wrong");
        Assert.True(reduced >= Models / 2, $"only {reduced} of {Models} models were reduced");
        Assert.True(holds > 0 && violated > 0 && decidedByFairness > 0, $"{holds} holds, {violated} violated, {decidedByFairness} decided by fairness");
        Assert.True(naiveWrong > 0, "no model where reading the stored names naively goes wrong: the renamings were never tested");
    }
}
