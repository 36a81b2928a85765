using HvModel.Core.Text;

namespace HvModel.Core.Patches;

/// <summary>
/// The input as lines, line ends of either kind dropped, with each line's mail quoting: a quote
/// level is a '>' and the one space a mailer puts after it (<c>"> > x"</c> and <c>">> x"</c> are
/// both two levels deep).
/// </summary>
internal sealed class MailText
{
    private readonly string[] _lines;

    public MailText(string text, string sourceName)
    {
        SourceName = sourceName;
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = text.Split('\n');

        // A final line end leaves an empty piece after it that is no line of the input.
        if (lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].EndsWith('\r'))
            {
                lines[i] = lines[i][..^1];
            }
        }

        _lines = lines;
    }

    public string SourceName { get; }

    public int Count => _lines.Length;

    public string this[int index] => _lines[index];

    /// <summary>How many quote levels the line has.</summary>
    public int Depth(int index)
    {
        var line = _lines[index];
        var depth = 0;
        var at = 0;
        while (at < line.Length && line[at] == '>')
        {
            depth++;
            at = SkipOneSpace(line, at + 1);
        }

        return depth;
    }

    /// <summary>The line with its first <paramref name="levels"/> quote levels taken off (the caller knows it has them).</summary>
    public string Unquote(int index, int levels)
    {
        var line = _lines[index];
        var at = 0;
        for (var level = 0; level < levels && at < line.Length && line[at] == '>'; level++)
        {
            at = SkipOneSpace(line, at + 1);
        }

        return line[at..];
    }

    /// <summary>The line with all its quote levels taken off.</summary>
    public string Unquoted(int index) => Unquote(index, Depth(index));

    /// <summary>An error at a line (0-based index), its column where the quoted text starts.</summary>
    public ModelError Error(int index, string message)
    {
        if (_lines.Length == 0)
        {
            return new ModelError(new SourceSpan(SourceName, 1, 1), message);
        }

        // The end of the input is reported at its last line.
        index = Math.Clamp(index, 0, _lines.Length - 1);
        var column = _lines[index].Length - Unquoted(index).Length + 1;
        return new ModelError(new SourceSpan(SourceName, index + 1, column), message);
    }

    private static int SkipOneSpace(string line, int at) => at < line.Length && line[at] == ' ' ? at + 1 : at;
}
