using System.Globalization;

namespace HvModel.Campaign;

/// <summary>The <c>--name value</c> options of a campaign command line.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> values = [];

    public Arguments(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                name = a[2..];
                values[name] = "true";
            }
            else if (name is not null)
            {
                values[name] = a;
                name = null;
            }
        }
    }

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public ulong Number(string name, ulong fallback) =>
        values.TryGetValue(name, out var v) ? ulong.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => values.ContainsKey(name);
}
