using HvModel.Core.Binding;
using HvModel.Core.Ir;
using HvModel.Reports;
using HvModel.Core.Text;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>What the review commands (diff, ablate, gate) share: naming a variant, the report header.</summary>
public static class ReviewCommands
{
    public static Variant Variant(Model model, string name) =>
        model.Variants.FirstOrDefault(v => v.Name == name)
        ?? throw new ModelError(Binder.CommandLine, $"variant {name}: the model has no such variant (it has: {string.Join(", ", model.Variants.Select(x => x.Name))})");

    public static ReportHeader Header(Model model) =>
        new("hvmodel", Cli.Version, "explicit", null, RunSettings.Review(model));

    /// <summary>The command line that reproduces this run, without its --format (nor the switches in <paramref name="without"/>).</summary>
    public static string Reproduce(System.CommandLine.ParseResult parse, string command, params string[] without)
    {
        var tokens = parse.Tokens.Select(t => t.Value).ToList();
        var kept = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == "--format")
            {
                i++;
                continue;
            }

            if (tokens[i].StartsWith("--format=", StringComparison.Ordinal) || (i == 0 && tokens[i] == command) || without.Contains(tokens[i]))
            {
                continue;
            }

            kept.Add(tokens[i].Contains(' ', StringComparison.Ordinal) ? $"'{tokens[i]}'" : tokens[i]);
        }

        return $"dotnet run --project src/HvModel.Cli -- {command} {string.Join(' ', kept)}".TrimEnd();
    }
}
