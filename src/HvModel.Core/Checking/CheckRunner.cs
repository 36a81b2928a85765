using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Checking;

/// <summary>Runs one engine over the chosen variants and properties and attaches the expected verdicts.</summary>
public static class CheckRunner
{
    /// <summary>
    /// Checks every (variant, property) pair named (all when the lists are empty). Unknown names
    /// are a <see cref="ModelError"/> at the command line.
    /// </summary>
    public static IReadOnlyList<CheckResult> Run(Model model, IEngine engine, IReadOnlyCollection<string> variants, IReadOnlyCollection<string> properties, CheckOptions options)
    {
        foreach (var v in variants.Where(v => model.Variants.All(x => x.Name != v)))
        {
            throw new ModelError(Binding.Binder.CommandLine, $"--variant {v}: the model has no such variant (it has: {string.Join(", ", model.Variants.Select(x => x.Name))})");
        }

        foreach (var p in properties.Where(p => model.Properties.All(x => x.Name != p)))
        {
            throw new ModelError(Binding.Binder.CommandLine, $"--property {p}: the model has no such property (it has: {string.Join(", ", model.Properties.Select(x => x.Name))})");
        }

        var chosenVariants = model.Variants.Where(v => variants.Count == 0 || variants.Contains(v.Name)).ToList();
        var chosenProperties = model.Properties.Where(p => properties.Count == 0 || properties.Contains(p.Name)).ToList();
        var results = new List<CheckResult>();
        options = options.StartClock(); // --timeout bounds the whole run, every variant together
        foreach (var variant in chosenVariants)
        {
            var forVariant = engine.Check(model, variant, chosenProperties, options with { CheckDeadlock = options.CheckDeadlock && properties.Count == 0 });
            results.AddRange(forVariant.Select(r => r with { Expected = model.Expected(r.Variant, r.Property) }));
        }

        return results;
    }

    /// <summary>The process exit code of a finished check (see the README's CLI contract).</summary>
    public static int ExitCode(IReadOnlyList<CheckResult> results)
    {
        if (results.Any(r => r.Differs))
        {
            return 1;
        }

        return results.Any(r => r.Verdict == Verdict.Unknown) ? 3 : 0;
    }
}
