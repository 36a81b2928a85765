using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.TestSupport.Generation;

namespace HvModel.Tests;

/// <summary>Small helpers to load and check models in tests.</summary>
public static class Check
{
    public static Model Load(string text, Dictionary<string, string>? constants = null) =>
        ModelLoader.LoadText(text, "test.hvm", constants);

    public static Model LoadFile(string repoRelative, Dictionary<string, string>? constants = null) =>
        ModelLoader.Load(new FileSourceResolver(), Repo.Path(repoRelative), constants);

    public static IReadOnlyList<CheckResult> Explicit(Model model, CheckOptions? options = null) =>
        CheckRunner.Run(model, new ExplicitEngine(), [], [], options ?? new CheckOptions());

    /// <summary>Seeds 1 to <paramref name="count"/>, for theories over generated models.</summary>
    public static TheoryData<ulong> Seeds(int count)
    {
        var data = new TheoryData<ulong>();
        for (var seed = 1UL; seed <= (ulong)count; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    /// <summary>The generated model of <paramref name="seed"/> in the hostile profile (<see cref="ModelGenerator.Hostile"/>), loaded.</summary>
    public static Model Hostile(ulong seed)
    {
        var m = ModelGenerator.Hostile.FromSeed(seed);
        return ModelLoader.LoadText(m.Text, m.FileName);
    }

    public static CheckResult Result(IEnumerable<CheckResult> results, string variant, string property) =>
        results.Single(r => r.Variant == variant && r.Property == property);
}
