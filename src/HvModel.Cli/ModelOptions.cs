using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Cli;

/// <summary>
/// The MODEL argument and the <c>--const</c> and <c>--lemmas</c> options every subcommand
/// takes, and the loading of the model they name (the embedded flagship when there is no MODEL),
/// with the lemma files' declarations added.
/// </summary>
public sealed class ModelOptions
{
    public Argument<string?> Model { get; } = new("MODEL")
    {
        Description = "Model or properties file (default: the embedded Hyper-V MSI model and its properties)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string[]> Constants { get; } = new("--const") { Description = "Override a constant: NAME=VALUE (repeatable)" };

    public Option<string[]> Lemmas { get; } = new("--lemmas")
    {
        Description = "Add the lemma declarations of FILE (as 'prove --emit-lemmas' writes them) to the model (repeatable)",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Model);
        command.Options.Add(Constants);
        command.Options.Add(Lemmas);
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

        if ((parse.GetValue(Constants) ?? []).FirstOrDefault(c => ConstantSetting.Parse(c) is null) is { } malformed)
        {
            Cli.UsageError($"--const expects NAME=VALUE, not '{malformed}'");
            return null;
        }

        foreach (var f in parse.GetValue(Lemmas) ?? [])
        {
            if (!File.Exists(f))
            {
                Cli.UsageError($"--lemmas: no such file '{f}'");
                return null;
            }
        }

        var model = Load(parse, Overrides(parse));
        Cli.LoadedModel = model;
        return model;
    }

    /// <summary>The <c>--const</c> values by name, the last one of a name winning (checked by <see cref="Load(ParseResult)"/>).</summary>
    public Dictionary<string, string> Overrides(ParseResult parse)
    {
        var constants = new Dictionary<string, string>();
        foreach (var c in parse.GetValue(Constants) ?? [])
        {
            if (ConstantSetting.Parse(c) is var (name, value))
            {
                constants[name] = value;
            }
        }

        return constants;
    }

    /// <summary>The model bound with <paramref name="constants"/> set on top of the <c>--const</c> overrides.</summary>
    public Model Rebind(ParseResult parse, IReadOnlyDictionary<string, string> constants)
    {
        var all = Overrides(parse);
        foreach (var (name, value) in constants)
        {
            all[name] = value;
        }

        return Load(parse, all);
    }

    /// <summary>The same model with none of the <c>--const</c> overrides: the default configuration.</summary>
    public Model LoadDefaults(ParseResult parse) => Load(parse, new Dictionary<string, string>());

    /// <summary>The model bound with <paramref name="constants"/>, with <paramref name="addedText"/> declared beside it.</summary>
    public Model Load(ParseResult parse, IReadOnlyDictionary<string, string> constants, string addedText = "")
    {
        var path = parse.GetValue(Model);
        var (resolver, entry) = path is null ? (FlagshipModel.Resolver(), FlagshipModel.EntryPath) : ((ISourceResolver)new FileSourceResolver(), path);
        var lemmas = parse.GetValue(Lemmas) ?? [];
        if (lemmas.Length == 0 && addedText.Length == 0)
        {
            return ModelLoader.Load(resolver, entry, constants);
        }

        // Reports name the model's own entry and the files added, not the made-up entry.
        var model = ModelLoader.Load(new AddedSources(resolver, entry, lemmas, addedText), AddedSources.Entry, constants);
        return model with { SourceFile = lemmas.Length == 0 ? entry : $"{entry} with --lemmas {string.Join(", ", lemmas)}" };
    }
}
