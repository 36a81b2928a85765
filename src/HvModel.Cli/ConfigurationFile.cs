using HvModel.Core.Text;

namespace HvModel.Cli;

/// <summary>
/// A file of configurations, one a line: constants as <c>--const</c> takes them
/// (<c>NAME=VALUE NAME=VALUE</c>), <c>#</c> to the end of a line a comment, blank lines skipped.
/// <c>properties/scenarios.conf</c> lists the scenario library's configurations this way, for
/// <c>counterexamples --configurations</c>, the benchmarks and the tests alike.
/// </summary>
public static class ConfigurationFile
{
    /// <summary>Each configuration's constants by name; a <see cref="ModelError"/> at its place for a malformed file.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var configurations = new List<IReadOnlyDictionary<string, string>>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Split('#')[0];
            var constants = new Dictionary<string, string>();
            var column = 0;
            foreach (var word in text.Split(' ', '\t').Where(w => w.Length > 0))
            {
                column = text.IndexOf(word, column, StringComparison.Ordinal);
                var (name, value) = ConstantSetting.Parse(word)
                    ?? throw new ModelError(new SourceSpan(path, i + 1, column + 1), $"expected NAME=VALUE, not '{word}'");
                constants[name] = value;
                column += word.Length;
            }

            if (constants.Count > 0)
            {
                configurations.Add(constants);
            }
        }

        return configurations.Count > 0 ? configurations : throw new ModelError(new SourceSpan(path, 1, 1), "no configuration in the file");
    }
}
