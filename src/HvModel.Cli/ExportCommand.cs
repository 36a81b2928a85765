using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Export;
using HvModel.Export.Aiger;
using HvModel.Export.Murphi;
using HvModel.Export.Promela;
using HvModel.Core.Text;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel export [MODEL] --to promela|murphi|aiger [--variant V] [--property P] [--liveness] [--const ...] [--out FILE]</c>:
/// the same transition system for a peer checker, so that its verdicts and state counts check
/// HvModel's engines and its speed can be compared on the very model HvModel checks. Promela
/// (SPIN) takes any number of invariants as asserts, Murphi (Rumur) as invariants; AIGER (ABC)
/// takes one property: an invariant, a cover, or <c>deadlock</c>. Promela with <c>--liveness</c>
/// also has the liveness properties, as never claims under the model's fairness.
/// </summary>
public static class ExportCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly Option<string> To = new("--to") { Description = "promela (SPIN), murphi (Rumur) or aiger (binary AIGER, for ABC)", DefaultValueFactory = _ => "promela" };
    private static readonly Option<string?> Variant = new("--variant") { Description = "The variant to export (required when the model has more than one)" };
    private static readonly Option<string?> Out = new("--out") { Description = "File to write (default: standard output)" };
    private static readonly Option<string[]> Properties = new("--property") { Description = "Promela, Murphi: an invariant to check after every step (repeatable; default: none). AIGER: the one property to export, an invariant, a cover or deadlock" };
    private static readonly Option<bool> Liveness = new("--liveness") { Description = "Promela: also the liveness properties, each a never claim under the model's fairness (pan -a -N NAME); adds states, so count states without it" };

    // Every subcommand takes the same limits; an export runs no search, so it only checks them.
    private static readonly LimitOptions Limits = new(50_000_000);

    public static Command Create()
    {
        var command = new Command("export", "Write one variant of a model as Promela (SPIN), Murphi (Rumur) or AIGER (ABC)") { To, Variant, Out, Properties, Liveness };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var to = parse.GetValue(To)!;
        if (to is not ("promela" or "murphi" or "aiger"))
        {
            return Cli.UsageError($"--to must be promela, murphi or aiger, not '{to}'");
        }

        var liveness = parse.GetValue(Liveness);
        if (liveness && to != "promela")
        {
            return Cli.UsageError("--liveness is for --to promela");
        }

        if (Limits.Read(parse) is null)
        {
            return 2;
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var name = parse.GetValue(Variant);
        if (name is null && model.Variants.Length > 1)
        {
            return Cli.UsageError($"the model has {model.Variants.Length} variants: name one with --variant ({string.Join(", ", model.Variants.Select(v => v.Name))})");
        }

        var variant = name is null ? model.Variants[0] : model.Variants.FirstOrDefault(v => v.Name == name);
        if (variant is null)
        {
            throw new ModelError(Binder.CommandLine, $"--variant {name}: the model has no such variant (it has: {string.Join(", ", model.Variants.Select(v => v.Name))})");
        }

        var commandLine = "hvmodel " + string.Join(' ', parse.Tokens.Select(t => t.Value));
        if (to == "aiger")
        {
            return Aiger(parse, model, variant, commandLine);
        }

        var invariants = new List<Core.Ir.PropertyDef>();
        foreach (var p in parse.GetValue(Properties) ?? [])
        {
            var property = model.Properties.FirstOrDefault(x => x.Name == p)
                ?? throw new ModelError(Binder.CommandLine, $"--property {p}: the model has no such property (it has: {string.Join(", ", model.Properties.Select(x => x.Name))})");
            if (property.Kind != Core.Ir.PropertyKind.Invariant)
            {
                return Cli.UsageError($"--property {p}: a cover cannot be exported as {(to == "murphi" ? "an invariant" : "an assert")}");
            }

            invariants.Add(property);
        }

        if (liveness && model.Liveness.IsEmpty)
        {
            return Cli.UsageError("--liveness: the model has no liveness properties");
        }

        var text = to == "murphi"
            ? MurphiExporter.Export(model, variant, commandLine, invariants)
            : PromelaExporter.Export(model, variant, commandLine, invariants, liveness ? model.Liveness : null);
        if (parse.GetValue(Out) is { } file)
        {
            File.WriteAllText(file, text);
        }
        else
        {
            Console.Out.Write(text);
        }

        return 0;
    }

    /// <summary>The AIGER file of one property: to --out, or as bytes on standard output.</summary>
    private static int Aiger(ParseResult parse, Core.Ir.Model model, Core.Ir.Variant variant, string commandLine)
    {
        var names = parse.GetValue(Properties) ?? [];
        if (names.Length != 1)
        {
            return Cli.UsageError($"--to aiger exports one property: name it with --property (an invariant, a cover, or {Core.Ir.Model.DeadlockProperty}; the model has: {string.Join(", ", model.Properties.Select(x => x.Name))})");
        }

        Core.Ir.PropertyDef? property = null;
        if (names[0] != Core.Ir.Model.DeadlockProperty)
        {
            property = model.Properties.FirstOrDefault(x => x.Name == names[0])
                ?? throw new ModelError(Binder.CommandLine, $"--property {names[0]}: the model has no such property (it has: {string.Join(", ", model.Properties.Select(x => x.Name))}, and {Core.Ir.Model.DeadlockProperty})");
        }

        var export = AigerExporter.Export(model, variant, property, commandLine);
        if (parse.GetValue(Out) is { } file)
        {
            File.WriteAllBytes(file, export.Bytes);
        }
        else
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(export.Bytes);
        }

        return 0;
    }
}
