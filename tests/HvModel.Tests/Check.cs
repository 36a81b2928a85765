using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;

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

    public static CheckResult Result(IEnumerable<CheckResult> results, string variant, string property) =>
        results.Single(r => r.Variant == variant && r.Property == property);
}
