namespace HvModel.Reports;

/// <summary>
/// One setting of a run, as text prints it (<c>max-states 50000000</c>) and as JSON gives it
/// (<c>"max_states": 50000000</c>): a number for scripts to compare, or words. Both come from
/// the one record so that the formats cannot tell two stories.
/// </summary>
public sealed record RunSetting(string Name, string Text, double? Number, string? Words)
{
    /// <summary>A numeric setting: a limit, a bound, seconds, bytes.</summary>
    public static RunSetting Numeric(string name, double value, string text) => new(name, text, value, null);

    /// <summary>A setting told in words, such as how symmetry is reduced.</summary>
    public static RunSetting Described(string name, string value, string text) => new(name, text, null, value);
}
