using System.Globalization;
using System.Text.RegularExpressions;

namespace HvModel.Core.Patches;

/// <summary>A hunk's <c>@@ -start,count +start,count @@ tail</c> line; a missing count means 1.</summary>
internal sealed partial record HunkHeader(int OldStart, int OldCount, int NewStart, int NewCount, string? Function)
{
    /// <summary>Whether the (unquoted) line claims to be a hunk header, well formed or not.</summary>
    public static bool Starts(string content) =>
        content.StartsWith("@@ -", StringComparison.Ordinal) || IsCombined(content);

    /// <summary>A merge's combined diff (<c>@@@</c>), which has two old sides and is not read.</summary>
    public static bool IsCombined(string content) => content.StartsWith("@@@", StringComparison.Ordinal);

    /// <summary>The header, or null when the line is damaged (mail may have eaten part of it).</summary>
    public static HunkHeader? Parse(string content)
    {
        // Mail may have collapsed or widened the spaces between the parts.
        var m = Shape().Match(content);
        if (!m.Success)
        {
            return null;
        }

        var numbers = new int[4];
        for (var i = 0; i < 4; i++)
        {
            var group = m.Groups[i + 1];
            var text = group.Success ? group.Value : "1";
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new HunkHeader(numbers[0], numbers[1], numbers[2], numbers[3], FunctionAttribution.HeaderFunction(m.Groups[5].Value));
    }

    /// <summary>The counts as the header writes them, for messages.</summary>
    public string Counts => $"-{OldStart},{OldCount} +{NewStart},{NewCount}";

    [GeneratedRegex(@"^@@\s+-(\d+)(?:,(\d+))?\s+\+(\d+)(?:,(\d+))?\s+@@(.*)$")]
    private static partial Regex Shape();
}
