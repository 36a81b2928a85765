namespace HvModel.Cli;

/// <summary>
/// One constant set as <c>NAME=VALUE</c>, as <c>--const</c> and a configuration file's lines take
/// it: the name before the first '=', the value after it, both trimmed; malformed without a name
/// or without a value.
/// </summary>
public static class ConstantSetting
{
    /// <summary>The name and value of <paramref name="text"/>, or null when it is not NAME=VALUE.</summary>
    public static (string Name, string Value)? Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            return null;
        }

        var (name, value) = (text[..eq].Trim(), text[(eq + 1)..].Trim());
        return name.Length == 0 || value.Length == 0 ? null : (name, value);
    }
}
