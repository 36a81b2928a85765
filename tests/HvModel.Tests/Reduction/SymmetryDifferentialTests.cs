using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.TestSupport.Generation;

namespace HvModel.Tests.Reduction;

/// <summary>
/// Symmetry reduction changes how many states are stored, never what is found: every verdict
/// and every shortest-counterexample length is equal with and without it.
/// </summary>
public class SymmetryDifferentialTests
{
    public static TheoryData<string> TestModels => new(
        Directory.GetFiles(Repo.Path("tests/models/holds"), "*.hvm")
            .Concat(Directory.GetFiles(Repo.Path("tests/models/violated"), "*.hvm"))
            .Select(f => Path.GetRelativePath(Repo.Path("."), f).Replace('\\', '/'))
            .Order());

    [Theory]
    [MemberData(nameof(TestModels))]
    public void Test_models_give_the_same_verdicts_and_lengths_with_and_without_symmetry(string file)
    {
        AssertSameOutcomes(Check.LoadFile(file), file);
    }

    [Fact]
    public void Generated_models_give_the_same_verdicts_and_lengths_with_and_without_symmetry()
    {
        var reduced = 0;
        for (var seed = 1UL; seed <= 60; seed++)
        {
            var m = ModelGenerator.Symmetric.FromSeed(seed);
            reduced += AssertSameOutcomes(ModelLoader.LoadText(m.Text, m.FileName), m.ToString()) ? 1 : 0;
        }

        // The generator must exercise the reduction, not only the order check that turns it off.
        Assert.True(reduced >= 40, $"only {reduced} of 60 models were reduced");
    }

    /// <summary>Checks both ways; true when the reduction stored fewer states.</summary>
    private static bool AssertSameOutcomes(Model model, string what)
    {
        var withEngine = new HvModel.Explicit.ExplicitEngine();
        var withoutEngine = new HvModel.Explicit.ExplicitEngine();
        var with = CheckRunner.Run(model, withEngine, [], [], new CheckOptions());
        var without = CheckRunner.Run(model, withoutEngine, [], [], new CheckOptions { Symmetry = false });

        Assert.True(
            Outcomes(without).SequenceEqual(Outcomes(with)),
            $"{what}\nwithout: {string.Join(", ", Outcomes(without))}\nwith: {string.Join(", ", Outcomes(with))}");
        return withEngine.Runs.Sum(r => r.States) < withoutEngine.Runs.Sum(r => r.States);
    }

    private static IEnumerable<string> Outcomes(IEnumerable<CheckResult> results) =>
        results.Select(r => $"{r.Variant}/{r.Property}: {r.Verdict} {r.Trace?.Length.ToString() ?? "-"}");
}
