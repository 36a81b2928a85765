using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Ir;

namespace HvModel.Cli;

/// <summary>
/// The MODEL argument and <c>--const</c> options every subcommand takes, and the loading of
/// the model they name (the embedded flagship when there is no MODEL).
/// </summary>
public sealed class ModelOptions
{
    public Argument<string?> Model { get; } = new("MODEL")
    {
        Description = "Model or properties file (default: the embedded Hyper-V MSI model and its properties)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string[]> Constants { get; } = new("--const") { Description = "Override a constant: NAME=VALUE (repeatable)" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Model);
        command.Options.Add(Constants);
    }

    /// <summary>The bound model, or null after a usage error was printed. Model errors are thrown.</summary>
    public Model? Load(ParseResult parse)
    {
        var path = parse.GetValue(Model);
        if (path is not null && path.StartsWith('-'))
        {
            Cli.UsageError($"unknown option '{path}'");
            return null;
        }

        var constants = new Dictionary<string, string>();
        foreach (var c in parse.GetValue(Constants) ?? [])
        {
            var eq = c.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                Cli.UsageError($"--const expects NAME=VALUE, not '{c}'");
                return null;
            }

            constants[c[..eq].Trim()] = c[(eq + 1)..].Trim();
        }

        var model = Load(path, constants);
        Cli.LoadedModel = model;
        return model;
    }

    /// <summary>The same model with none of the <c>--const</c> overrides: the default configuration.</summary>
    public Model LoadDefaults(ParseResult parse) => Load(parse.GetValue(Model), []);

    private static Model Load(string? path, Dictionary<string, string> constants) => path is null
        ? ModelLoader.Load(FlagshipModel.Resolver(), FlagshipModel.EntryPath, constants)
        : ModelLoader.LoadFile(path, constants);
}
