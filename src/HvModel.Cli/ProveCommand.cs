using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.Reports;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Prove;
using HvModel.Symbolic.Prove.Inference;
using HvModel.Symbolic.Smt;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel prove [MODEL] ...</c>: each invariant proved for every size of the model's
/// scalarsets (the flagship's CPUs and IRQs), from an inductive invariant of inferred and
/// hand-written lemmas, printed in the model's syntax and certified; or unknown with a
/// counterexample to induction.
/// </summary>
public static class ProveCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly LimitOptions Limits = new(2_000_000);

    public static readonly Option<string[]> Variants = new("--variant") { Description = "Prove only this variant (repeatable)" };
    public static readonly Option<string[]> Properties = new("--property") { Description = "Prove only this invariant (repeatable)" };
    private static readonly FormatOption Format = new("prove", ReportFormat.Text, ReportFormat.Json);
    public static readonly Option<string?> DumpSmt = new("--dump-smt") { Description = "Write every SMT-LIB query into this folder" };
    public static readonly Option<string?> EmitLemmas = new("--emit-lemmas")
    {
        Description = "Write the inferred lemmas of each variant proved into FILE, as lemma declarations for --lemmas",
    };

    public static Command Create()
    {
        var command = new Command("prove", "Prove the invariants for every number of members of each scalarset (every number of CPUs and IRQs)")
        {
            Variants, Properties, Format.Option, DumpSmt, EmitLemmas,
        };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        if (Format.Read(parse) is not { } format)
        {
            return 2;
        }

        if (Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        if (parse.GetValue(DumpSmt) is { } dumpDir && OutputPaths.CheckFolder("--dump-smt", dumpDir, create: true) is { } dumpError)
        {
            return Cli.UsageError(dumpError);
        }

        if (parse.GetValue(EmitLemmas) is { } lemmaFile && OutputPaths.CheckFile("--emit-lemmas", lemmaFile) is { } lemmaError)
        {
            return Cli.UsageError(lemmaError);
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var overrides = Source.Overrides(parse);
        var variants = Select(model.Variants.Select(v => v.Name), parse.GetValue(Variants) ?? [], "variant");
        var invariants = model.Properties.Where(p => p.Kind == PropertyKind.Invariant && !p.IsLemma).Select(p => p.Name);
        var properties = Select(invariants, parse.GetValue(Properties) ?? [], "invariant");
        if (variants is null || properties is null)
        {
            return 2;
        }

        var options = limits.Apply(new CheckOptions
        {
            DumpSmtDirectory = parse.GetValue(DumpSmt),
            Cancellation = SignalHandling.Token,
            Progress = TerminalProgress.Writer(),
        }).StartClock();
        var input = new ProveInput(
            model,
            overrides,
            constants => Source.Load(parse, constants),
            lemmas => Source.Load(parse, overrides, string.Concat(lemmas.Select(l => $"lemma {l.Name} \"printed by prove\": {l.Text}\n"))),
            (configuration, variant) => Explore(configuration, variant, options),
            options,
            null,
            SecondSolver.DefaultExecutable);
        var prover = new Prover(input);
        var proofs = variants.Select(v => prover.Prove(model.GetVariant(v), [.. properties.Select(model.GetProperty)])).ToList();
        TerminalProgress.Clear(options.Progress);

        if (parse.GetValue(EmitLemmas) is { } emit)
        {
            File.WriteAllText(emit, LemmaFile.Write(model, proofs, Cli.Version));
        }

        var solvers = SecondSolver.Find() is { } cvc5 ? $"{Z3Process.ShortName()}, {cvc5.Name}" : $"{Z3Process.ShortName()} (cvc5 not found: certificates use z3 alone)";
        Console.Out.Write(format == ReportFormat.Json
            ? ProveReport.Json(model, proofs, new ReportHeader("hvmodel", Cli.Version, "prove", solvers, RunSettings.Prove(options)))
            : ProveReport.Text(model, proofs, Cli.Version, solvers));
        return ProveReport.ExitCode(model, proofs);
    }

    private static List<string>? Select(IEnumerable<string> all, string[] chosen, string what)
    {
        var names = all.ToList();
        foreach (var c in chosen.Where(c => !names.Contains(c)))
        {
            Cli.UsageError($"unknown {what} '{c}' (the model has: {string.Join(", ", names)})");
            return null;
        }

        return chosen.Length == 0 ? names : [.. names.Where(chosen.Contains)];
    }

    private static StateSample Explore(SizeConfiguration configuration, Variant variant, CheckOptions options)
    {
        var states = ReachableStates.Explore(configuration.Model, variant, options with { Progress = null, DumpSmtDirectory = null });
        return new StateSample(configuration, states.States, states.Complete, states.Seconds);
    }
}
