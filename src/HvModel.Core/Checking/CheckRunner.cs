using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Checking;

/// <summary>Runs one engine over the chosen variants and properties and attaches the expected verdicts.</summary>
public static class CheckRunner
{
    /// <summary>
    /// Checks every (variant, property) pair named (all when the lists are empty). Deadlock is
    /// one of the checks of a run over all properties; a run for named properties checks it only
    /// when it is named too (<c>--property deadlock</c>). Liveness properties are named here too,
    /// and checked apart (<see cref="ChosenLiveness"/>): a run that names only them checks nothing
    /// here. Unknown names are a <see cref="ModelError"/> at the command line.
    /// </summary>
    public static IReadOnlyList<CheckResult> Run(Model model, IEngine engine, IReadOnlyCollection<string> variants, IReadOnlyCollection<string> properties, CheckOptions options)
    {
        foreach (var v in variants.Where(v => model.Variants.All(x => x.Name != v)))
        {
            throw new ModelError(Binding.Binder.CommandLine, $"--variant {v}: the model has no such variant (it has: {string.Join(", ", model.Variants.Select(x => x.Name))})");
        }

        var names = model.Properties.Select(x => x.Name).Append(Model.DeadlockProperty).Concat(model.Liveness.Select(x => x.Name)).ToList();
        foreach (var p in properties.Where(p => !names.Contains(p)))
        {
            throw new ModelError(Binding.Binder.CommandLine, $"--property {p}: the model has no such property (it has: {string.Join(", ", names)})");
        }

        if (properties.Count > 0 && properties.All(p => model.Liveness.Any(l => l.Name == p)))
        {
            return [];
        }

        var chosenVariants = model.Variants.Where(v => variants.Count == 0 || variants.Contains(v.Name)).ToList();
        var chosenProperties = model.Properties.Where(p => properties.Count == 0 || properties.Contains(p.Name)).ToList();
        var deadlockChosen = properties.Count == 0 || properties.Contains(Model.DeadlockProperty);
        if (properties.Contains(Model.DeadlockProperty) && !chosenVariants.Any(v => model.ChecksDeadlock(v.Name)))
        {
            throw new ModelError(Binding.Binder.CommandLine, "--property deadlock: the model allows deadlock (allow deadlock) and no expect table names deadlock for the variants chosen");
        }

        // Statements that nest too deep would overflow the stack in any engine: no run, every verdict unknown.
        var tooDeep = ExecutionDepth.Problem(model);
        options = options.StartClock(); // --timeout bounds the whole run, every variant together
        var perVariant = new List<List<CheckResult>>();
        for (var i = 0; i < chosenVariants.Count; i++)
        {
            var variant = chosenVariants[i];
            var slice = TimeShare.Slice(options.Deadline, chosenVariants.Count - i);
            var forVariant = tooDeep is null
                ? engine.Check(model, variant, chosenProperties, options with { CheckDeadlock = options.CheckDeadlock && deadlockChosen, Deadline = slice }).ToList()
                : [.. chosenProperties.Select(p => new CheckResult(variant.Name, p.Name, p.Kind, engine.Name, Verdict.Unknown, 0, 0, 0, 0, tooDeep))];
            if (tooDeep is null)
            {
                TimeShare.Mark(forVariant, slice, options.Deadline);
            }

            var cellOptions = options with { CheckDeadlock = options.CheckDeadlock && deadlockChosen };
            if (tooDeep is not null && ((DeadlockPolicy.Searched(model, variant, cellOptions) && engine.ChecksDeadlock) || forVariant.Count == 0))
            {
                forVariant.Add(new CheckResult(variant.Name, Model.DeadlockProperty, PropertyKind.Invariant, engine.Name, Verdict.Unknown, 0, 0, 0, 0, tooDeep));
            }

            if (forVariant.All(r => r.Property != Model.DeadlockProperty)
                && DeadlockPolicy.NotCheckedReason(model, variant, cellOptions, engine, onlyLine: forVariant.Count == 0) is { } reason)
            {
                forVariant.Add(new CheckResult(variant.Name, Model.DeadlockProperty, PropertyKind.Invariant, engine.Name, Verdict.NotChecked, 0, 0, 0, 0, reason));
            }

            perVariant.Add(forVariant);
        }

        // Time left by the variants that finished early goes to those whose share ran out.
        TimeShare.Revisit(model, engine, chosenVariants, chosenProperties, perVariant, options);
        return [.. perVariant.SelectMany(v => v).Select(r => r with { Expected = model.Expected(r.Variant, r.Property), OutOfTime = false })];
    }

    /// <summary>The liveness properties a run checks: those named, or all when no property is named.</summary>
    public static IReadOnlyList<LivenessDef> ChosenLiveness(Model model, IReadOnlyCollection<string> properties) =>
        [.. model.Liveness.Where(l => properties.Count == 0 || properties.Contains(l.Name))];

    /// <summary>The process exit code of a finished check (see the README's CLI contract); cells not checked count for nothing.</summary>
    public static int ExitCode(IReadOnlyList<CheckResult> results)
    {
        if (results.Any(r => r.Differs))
        {
            return 1;
        }

        return results.Any(r => r.Verdict == Verdict.Unknown) ? 3 : 0;
    }
}
