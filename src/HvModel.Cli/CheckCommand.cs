using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Reports;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.Explicit.Review;

namespace HvModel.Cli;

/// <summary><c>hvmodel check [MODEL] ...</c>: the verdict matrix of a model (the flagship by default).</summary>
public static class CheckCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly LimitOptions Limits = new(50_000_000);

    public static readonly Option<string[]> Variants = new("--variant") { Description = "Check only this variant (repeatable)", AllowMultipleArgumentsPerToken = false };
    public static readonly Option<string[]> Properties = new("--property") { Description = "Check only this property (repeatable)" };
    public static readonly Option<string> Engine = new("--engine") { Description = "explicit | bmc | kind | pdr", DefaultValueFactory = _ => "explicit" };
    public static readonly Option<int> Depth = new("--depth") { Description = "Bound for bmc and kind", DefaultValueFactory = _ => 40 };
    private static readonly FormatOption Format = new("check", ReportFormat.Text, ReportFormat.Json, ReportFormat.Html, ReportFormat.Email, ReportFormat.Graphml);
    public static readonly Option<bool> NoSymmetry = new("--no-symmetry") { Description = "Explicit engine: no symmetry reduction over scalarsets" };

    public static readonly Option<bool> NoInvariantGeneration = new("--no-invariant-generation")
    {
        Description = "kind: no generated candidate invariants, only the properties and the model's lemmas",
    };
    public static readonly Option<string?> DumpSmt = new("--dump-smt") { Description = "Symbolic engines: write every SMT-LIB query into this folder" };
    public static readonly Option<bool> Fingerprint = new("--fingerprint")
    {
        Description = "Explicit engine: store a 64-bit fingerprint of each state instead of the state (as TLC): less memory; a verdict that rests on seeing every state carries the probability that a collision hid one",
    };
    public static readonly Option<bool> Stats = new("--stats") { Description = "Explicit engine: memory per state and speed of each run" };
    public static readonly Option<bool> Interpret = new("--interpret") { Description = "Explicit engine: run the model with the interpreter (the reference semantics) instead of compiled code" };
    public static readonly Option<bool> ShowInvariant = new("--show-invariant") { Description = "pdr: print the inductive invariant found" };
    public static readonly Option<bool> NoDeadlock = new("--no-deadlock") { Description = "Do not check for deadlock in this run (as SPIN's -E); deadlock cells are not checked" };
    public static readonly Option<bool> RunGate = new("--gate") { Description = "Also run the vacuity and fault-coverage gate (see 'hvmodel gate')" };

    public static Command Create()
    {
        var command = new Command("check", "Check a model's properties in every variant and print the verdict matrix")
        {
            Variants, Properties, Engine, Depth, Format.Option, NoSymmetry, Fingerprint, NoInvariantGeneration, DumpSmt, ShowInvariant, Stats, NoDeadlock, Interpret, RunGate,
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

        var engineName = parse.GetValue(Engine)!;

        if (!EngineCatalog.Names.Contains(engineName))
        {
            return Cli.UsageError($"--engine must be one of {string.Join(", ", EngineCatalog.Names)}, not '{engineName}'");
        }

        if (Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        if (parse.GetValue(Depth) < 0)
        {
            return Cli.UsageError($"--depth must be 0 or more, not {parse.GetValue(Depth)}");
        }

        if (parse.GetValue(DumpSmt) is { } dumpDir && OutputPaths.CheckFolder("--dump-smt", dumpDir, create: true) is { } dumpError)
        {
            return Cli.UsageError(dumpError);
        }

        var options = limits.Apply(new CheckOptions
        {
            Depth = parse.GetValue(Depth),
            Symmetry = !parse.GetValue(NoSymmetry),
            Fingerprints = parse.GetValue(Fingerprint),
            GenerateInvariants = !parse.GetValue(NoInvariantGeneration),
            DumpSmtDirectory = parse.GetValue(DumpSmt),
            ShowInvariant = parse.GetValue(ShowInvariant),
            NoDeadlock = parse.GetValue(NoDeadlock),
            Cancellation = SignalHandling.Token,
            Progress = TerminalProgress.Writer(),
            ReachableStates = CertificateStates.Explore,
            Rebind = constants => Source.Rebind(parse, constants),
        });

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var engine = engineName == "explicit" ? new ExplicitEngine { Interpret = parse.GetValue(Interpret) } : EngineCatalog.Create(engineName);
        var results = CheckRunner.Run(model, engine, parse.GetValue(Variants) ?? [], parse.GetValue(Properties) ?? [], options);
        TerminalProgress.Clear(options.Progress);

        var header = new ReportHeader("hvmodel", Cli.Version, engineName, EngineCatalog.SolverVersion(engineName), RunSettings.Check(options, engineName, model, results));

        // The gate and the liveness checks run before the report, so that one page or document holds them.
        var gate = parse.GetValue(RunGate) ? Gate.Run(model, GateCommand.Chosen(model, parse.GetValue(Variants) ?? [])) : null;
        var liveness = Liveness(model, parse, format, engineName, options);
        Console.Out.Write(format switch
        {
            ReportFormat.Json => JsonReport.Render(model, results, header, liveness),
            ReportFormat.Html => HtmlReport.Render(model, results, header, gate, liveness),
            ReportFormat.Email => Reports.Review.EmailReport.Render(model, results, ReviewCommands.Reproduce(parse, "check"), liveness),
            ReportFormat.Graphml => CounterexampleGraphml.Render(model, results, header),
            _ => TextReport.Render(model, results, header) + LivenessTextReport.Render(model, liveness),
        });

        if (format == ReportFormat.Text && parse.GetValue(Stats) && engine is ExplicitEngine explicitEngine)
        {
            Console.Out.WriteLine();
            foreach (var run in explicitEngine.Runs)
            {
                Console.Out.WriteLine(run.Describe());
            }
        }

        // A liveness verdict that differs counts as an invariant's does; an unknown one too.
        var exit = CheckRunner.ExitCode(results);
        exit = liveness.Any(r => r.Differs) ? 1 : exit == 0 && liveness.Any(r => r.Verdict == Verdict.Unknown) ? 3 : exit;
        return gate is null ? exit : GateCommand.AfterCheck(gate, format, exit);
    }

    /// <summary>
    /// The liveness properties, by the explicit engine on the whole state graph of each variant
    /// checked: in the text, JSON, HTML and e-mail reports (the GraphML one does not have them yet).
    /// </summary>
    private static List<LivenessResult> Liveness(Model model, ParseResult parse, ReportFormat format, string engineName, CheckOptions options)
    {
        var chosen = CheckRunner.ChosenLiveness(model, parse.GetValue(Properties) ?? []);
        if (chosen.Count == 0)
        {
            return [];
        }

        if (format is ReportFormat.Graphml || engineName != "explicit")
        {
            Console.Error.WriteLine($"hvmodel: the model's {chosen.Count} liveness properties are checked by the explicit engine, in the text, JSON, HTML and e-mail reports only");
            return [];
        }

        var names = parse.GetValue(Variants) ?? [];
        var variants = names.Length == 0 ? [.. model.Variants] : names.Select(n => ReviewCommands.Variant(model, n)).ToList();
        List<LivenessResult> results = [.. variants.SelectMany(v => Explicit.Liveness.LivenessChecker.Check(model, v, chosen, options))];
        TerminalProgress.Clear(options.Progress);

        return results;
    }
}
