using System.Globalization;
using System.Text.Json;

namespace HvModel.Core.Traces;

/// <summary>
/// Reads the <c>constants</c> object of a report or a committed counterexample back as the
/// <c>NAME=VALUE</c> overrides a model is bound with, so that a trace is replayed in the
/// configuration that made it. The reports write numbers as numbers, booleans as booleans and
/// enumerations by name; each comes back as the text <c>--const</c> would take.
/// </summary>
public static class ConstantsJsonReader
{
    public static Dictionary<string, string> Read(JsonElement constants)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in constants.EnumerateObject())
        {
            values[c.Name] = c.Value.ValueKind switch
            {
                JsonValueKind.Number => c.Value.GetInt32().ToString(CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.String => c.Value.GetString()!,
                _ => throw new JsonException($"constant '{c.Name}': a {c.Value.ValueKind} is no constant's value (a number, a boolean or a name)"),
            };
        }

        return values;
    }
}
