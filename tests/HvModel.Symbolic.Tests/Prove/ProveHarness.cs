using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Prove;
using HvModel.Symbolic.Prove.Inference;

namespace HvModel.Symbolic.Tests.Prove;

/// <summary>Runs prove on a model file of the repository, as the command does (explicit samples, z3, cvc5).</summary>
internal static class ProveHarness
{
    public static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "HvModel.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    public static string PathOf(string relative) => System.IO.Path.Combine(Repo(), relative);

    public static ProveInput Input(string file, IReadOnlyDictionary<string, string>? overrides = null, string? solver = null, TimeSpan? timeout = null)
    {
        var path = PathOf(file);
        overrides ??= new Dictionary<string, string>();
        var options = new CheckOptions { Timeout = timeout ?? TimeSpan.FromSeconds(300) }.StartClock();
        return new ProveInput(
            ModelLoader.LoadFile(path, overrides),
            overrides,
            constants => ModelLoader.LoadFile(path, constants),
            lemmas => LoadWithLemmas(path, overrides, lemmas),
            (configuration, variant) =>
            {
                var states = ReachableStates.Explore(configuration.Model, variant, options);
                return new StateSample(configuration, states.States, states.Complete, states.Seconds);
            },
            options,
            solver,
            SecondSolver.DefaultExecutable);
    }

    public static VariantProof Prove(string file, string? variant = null, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var input = Input(file, overrides);
        var v = variant is null ? input.Model.Variants[0] : input.Model.GetVariant(variant);
        var properties = input.Model.Properties.Where(p => p.Kind == PropertyKind.Invariant && !p.IsLemma).ToList();
        return new Prover(input).Prove(v, properties);
    }

    /// <summary>The model with extra lemmas, as the command binds the printed invariant: a file that includes the model.</summary>
    public static Model LoadWithLemmas(string path, IReadOnlyDictionary<string, string> overrides, IReadOnlyList<(string Name, string Text)> lemmas)
    {
        var text = $"include \"{path}\"\n" + string.Concat(lemmas.Select(l => $"lemma {l.Name} \"printed\": {l.Text}\n"));
        var claims = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hvmodel-claims-{Guid.NewGuid():N}.hvp");
        File.WriteAllText(claims, text);
        try
        {
            return ModelLoader.LoadFile(claims, overrides);
        }
        finally
        {
            File.Delete(claims);
        }
    }
}
