using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Printing;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel counterexamples [--out DIR] [--check]</c>: writes the shortest counterexample of
/// every violated (variant, property) of the flagship's default configuration, as text and
/// JSON; with --check, only says whether the committed files are current (exit 1 if not).
/// </summary>
public static class CounterexamplesCommand
{
    private static readonly Option<string> Out = new("--out") { Description = "Folder to write into", DefaultValueFactory = _ => "counterexamples" };
    private static readonly Option<bool> CheckOnly = new("--check") { Description = "Write nothing; exit 1 when the folder is stale" };

    public static Command Create()
    {
        var command = new Command("counterexamples", "Regenerate (or --check) the committed counterexamples of the flagship model") { Out, CheckOnly };
        command.SetAction(parse => Run(parse.GetValue(Out)!, parse.GetValue(CheckOnly)));
        return command;
    }

    /// <summary>The files the folder must hold, computed now with the explicit engine.</summary>
    public static SortedDictionary<string, string> Expected()
    {
        var model = ModelLoader.Load(FlagshipModel.Resolver(), FlagshipModel.EntryPath);
        var results = CheckRunner.Run(model, new ExplicitEngine(), [], [], new CheckOptions());
        return CounterexampleFiles.All(model, results);
    }

    private static int Run(string dir, bool checkOnly)
    {
        var expected = Expected();
        var present = Directory.Exists(dir)
            ? Directory.GetFiles(dir).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Select(Path.GetFileName).ToHashSet()
            : [];
        var stale = expected.Where(kv => !File.Exists(Path.Combine(dir, kv.Key)) || File.ReadAllText(Path.Combine(dir, kv.Key)) != kv.Value).Select(kv => kv.Key)
            .Concat(present.Where(f => !expected.ContainsKey(f!)).Select(f => f!))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (checkOnly)
        {
            foreach (var f in stale)
            {
                Console.Out.WriteLine($"stale: {Path.Combine(dir, f)}");
            }

            Console.Out.WriteLine(stale.Count == 0 ? $"{expected.Count} files current in {dir}" : "run: hvmodel counterexamples");
            return stale.Count == 0 ? 0 : 1;
        }

        Directory.CreateDirectory(dir);
        foreach (var f in present.Where(f => !expected.ContainsKey(f!)))
        {
            File.Delete(Path.Combine(dir, f!));
        }

        foreach (var (name, text) in expected)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        Console.Out.WriteLine($"wrote {expected.Count} files to {dir} ({stale.Count} changed)");
        return 0;
    }
}
