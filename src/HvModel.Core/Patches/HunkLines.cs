using System.Text.RegularExpressions;

namespace HvModel.Core.Patches;

/// <summary>The lines after one hunk header, unquoted to the header's depth, with their shapes.</summary>
internal sealed partial class HunkLines(MailText text, int header, int end, int depth)
{
    private readonly Dictionary<int, (LineShape Shape, string Content)> _seen = [];

    public MailText Text => text;

    /// <summary>The header's index.</summary>
    public int Header => header;

    public int First => header + 1;

    public LineShape ShapeOf(int j) => Look(j).Shape;

    /// <summary>The line with the hunk's quoting taken off.</summary>
    public string Content(int j) => Look(j).Content;

    private (LineShape Shape, string Content) Look(int j)
    {
        if (!_seen.TryGetValue(j, out var look))
        {
            look = Classify(j);
            _seen[j] = look;
        }

        return look;
    }

    private (LineShape, string) Classify(int j)
    {
        if (j >= end)
        {
            return (LineShape.Outside, "");
        }

        if (text.Depth(j) < depth)
        {
            return (LineShape.Reply, text[j]);
        }

        var content = text.Unquote(j, depth);
        if (IsStructural(j, content))
        {
            return (LineShape.Structural, content);
        }

        var shape = content.Length == 0 ? LineShape.Blank : content[0] switch
        {
            '+' => LineShape.Added,
            '-' => LineShape.Removed,
            '\\' => LineShape.NoNewline,
            ' ' or '\t' => LineShape.Marked,
            _ => LineShape.Unmarked,
        };
        return (shape, content);
    }

    private bool IsStructural(int j, string content)
    {
        // "-- " opens the signature git puts under a patch; mail may strip its space.
        if (content is "-- " or "--" || HunkHeader.Starts(content) || DiffCommand().IsMatch(content))
        {
            return true;
        }

        // A file header is a "--- " line with a "+++ " line under it.
        return content.StartsWith("--- ", StringComparison.Ordinal)
            && j + 1 < end
            && text.Depth(j + 1) >= depth
            && text.Unquote(j + 1, depth).StartsWith("+++ ", StringComparison.Ordinal);
    }

    // "diff --git a/x b/x" or "diff -u old new"; not C such as "diff = a - b;" or "diff -= 1;".
    [GeneratedRegex(@"^diff -[-A-Za-z]")]
    private static partial Regex DiffCommand();
}
