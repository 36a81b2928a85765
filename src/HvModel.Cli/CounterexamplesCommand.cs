using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Reports;
using HvModel.Core.Text;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel counterexamples [MODEL] [--const NAME=VALUE]... [--out DIR] [--check]</c>: writes the
/// shortest counterexample of every violated (variant, property) of a model (the flagship by
/// default), and the lasso of every violated liveness property, as text and JSON; with
/// --check, only says whether the folder is current (exit 1 if not). --configurations FILE does
/// this for each configuration the file lists (<see cref="ConfigurationFile"/>). File names carry the constants that differ from the defaults, so configurations never
/// overwrite each other. The folder's manifest (<see cref="CounterexampleFolder"/>) lists what
/// the command wrote: nothing else is ever replaced or removed, and a non-empty folder without a
/// manifest is refused.
/// </summary>
public static class CounterexamplesCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly LimitOptions Limits = new(50_000_000);
    private static readonly Option<string> Out = new("--out") { Description = "Folder to write into (new, empty, or one this command wrote)", DefaultValueFactory = _ => "counterexamples" };
    private static readonly Option<bool> CheckOnly = new("--check") { Description = "Write nothing; exit 1 when the folder is stale" };
    private static readonly Option<string?> Configurations = new("--configurations") { Description = "FILE of configurations, one a line (NAME=VALUE ..., '#' comments), over the --const values: the counterexamples of each (as properties/scenarios.conf lists the scenarios')" };

    public static Command Create()
    {
        var command = new Command("counterexamples", "Write (or --check) the shortest counterexamples of a model, the flagship by default") { Out, CheckOnly, Configurations };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    /// <summary>The files the committed folder must hold: the flagship's default configuration, computed now.</summary>
    public static SortedDictionary<string, string> Expected()
    {
        var model = ModelLoader.Load(FlagshipModel.Resolver(), FlagshipModel.EntryPath);
        var results = CheckRunner.Run(model, new ExplicitEngine(), [], [], new CheckOptions());
        return CounterexampleFiles.All(model, results, Lassos(model, new CheckOptions()));
    }

    /// <summary>Every variant's liveness verdicts: the violated ones' lassos are written beside the counterexamples.</summary>
    private static List<LivenessResult> Lassos(Model model, CheckOptions options) =>
        [.. model.Variants.SelectMany(v => Explicit.Liveness.LivenessChecker.Check(model, v, options))];

    /// <summary>The manifest key of a model and configuration: whose files these are.</summary>
    public static string Key(Model model, string configuration) =>
        configuration.Length == 0 ? SafeFileName.Part(model.Name) : $"{SafeFileName.Part(model.Name)} {SafeFileName.Part(configuration)}";

    private static int Run(ParseResult parse)
    {
        var dir = parse.GetValue(Out)!;
        var checkOnly = parse.GetValue(CheckOnly);
        if (Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        if (CounterexampleFolder.Open(dir, forWriting: !checkOnly, out var error) is not { } folder)
        {
            return Cli.UsageError(error!);
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        // Without a file, one configuration: the --const values alone.
        IReadOnlyList<IReadOnlyDictionary<string, string>> configurations = [new Dictionary<string, string>()];
        if (parse.GetValue(Configurations) is { } file)
        {
            if (!File.Exists(file))
            {
                return Cli.UsageError($"--configurations: no such file '{file}'");
            }

            configurations = ConfigurationFile.Read(file);
        }

        var defaults = Source.LoadDefaults(parse);
        var stale = new List<string>();
        var written = 0;
        var changedCount = 0;
        foreach (var constants in configurations)
        {
            var bound = constants.Count == 0 ? model : Source.Rebind(parse, constants);
            var outcome = Sync(folder, bound, defaults, limits, checkOnly);
            if (outcome.Exit != 0)
            {
                return outcome.Exit;
            }

            stale.AddRange(outcome.Stale);
            written += outcome.Files;
            changedCount += outcome.Changed;
        }

        if (checkOnly)
        {
            foreach (var f in stale.Order(StringComparer.Ordinal))
            {
                Console.Out.WriteLine($"stale: {f}");
            }

            // The command that rewrites them: the same model, constants and folder, without --check.
            Console.Out.WriteLine(stale.Count == 0 ? $"{written} files current in {dir}" : $"run: {ReviewCommands.Reproduce(parse, "counterexamples", "--check")}");
            return stale.Count == 0 ? 0 : 1;
        }

        Console.Out.WriteLine($"wrote {written} files to {dir} ({changedCount} changed)");
        return 0;
    }

    /// <summary>What one configuration's files came to: an exit code other than 0 stops the run.</summary>
    private sealed record SyncOutcome(int Exit, int Files, int Changed, IReadOnlyList<string> Stale);

    /// <summary>
    /// One configuration: checks it, then writes its files (or, with --check, lists those that are
    /// stale, by path). Only the files the manifest gives to this configuration are ever replaced or removed.
    /// </summary>
    private static SyncOutcome Sync(CounterexampleFolder folder, Model model, Model defaults, RunLimits limits, bool checkOnly)
    {
        var dir = folder.Path;
        var configuration = CounterexampleFiles.Configuration(model, defaults);
        var key = Key(model, configuration);
        var results = CheckRunner.Run(model, new ExplicitEngine(), [], [], limits.Apply(new CheckOptions()));
        if (results.FirstOrDefault(r => r.Verdict == Verdict.Unknown) is { } unknown)
        {
            // An incomplete run would drop files that are still right: write nothing.
            Console.Error.WriteLine($"hvmodel: {unknown.Variant} / {unknown.Property}: unknown: {unknown.Reason}; nothing written");
            return new(3, 0, 0, []);
        }

        var liveness = Lassos(model, limits.Apply(new CheckOptions()));
        if (liveness.FirstOrDefault(r => r.Verdict == Verdict.Unknown) is { } unknownLiveness)
        {
            Console.Error.WriteLine($"hvmodel: {unknownLiveness.Variant} / {unknownLiveness.Property.Name}: unknown: {unknownLiveness.Reason}; nothing written");
            return new(3, 0, 0, []);
        }

        var expected = CounterexampleFiles.All(model, results, liveness, configuration);
        var mine = folder.FilesOf(key).ToHashSet();
        var gone = mine.Where(f => !expected.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        var changed = expected.Where(kv => !File.Exists(Path.Combine(dir, kv.Key)) || File.ReadAllText(Path.Combine(dir, kv.Key)) != kv.Value).Select(kv => kv.Key).ToList();
        var unlisted = expected.Keys.Where(f => !mine.Contains(f)).ToList();
        if (checkOnly)
        {
            var stale = changed.Concat(gone.Where(f => File.Exists(Path.Combine(dir, f)))).Select(f => Path.Combine(dir, f))
                .Concat(unlisted.Where(f => !changed.Contains(f)).Select(f => $"{Path.Combine(dir, f)} (not in {CounterexampleFolder.ManifestName})"));
            return new(0, expected.Count, 0, [.. stale]);
        }

        // Never overwrite a file of the user's that happens to have the name of one of ours.
        var foreign = expected.Keys.Where(f => File.Exists(Path.Combine(dir, f)) && !folder.Owns(f)).ToList();
        if (foreign.Count > 0)
        {
            Cli.UsageError($"--out {dir}: {string.Join(", ", foreign)} would be overwritten, but the manifest does not list {(foreign.Count == 1 ? "it" : "them")} as written by this command");
            return new(2, 0, 0, []);
        }

        Directory.CreateDirectory(dir);
        // The manifest lists the new files before they are written, so a run cut short leaves none unlisted.
        folder.SaveManifest(key, mine.Concat(expected.Keys));
        foreach (var (name, text) in expected)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        foreach (var f in gone)
        {
            File.Delete(Path.Combine(dir, f));
        }

        folder.SaveManifest(key, expected.Keys);
        return new(0, expected.Count, changed.Count + gone.Count, []);
    }
}
