using System.Text;

namespace HvModel.Export.Promela;

/// <summary>
/// Promela text being written, line by line at an indentation. A branch is written apart
/// first, to know whether it is empty, and may then be appended at another indentation.
/// </summary>
internal sealed class PromelaText(int indent)
{
    private readonly List<(int Indent, string Line)> lines = [];

    public int Indent { get; set; } = indent;

    public bool IsEmpty => lines.Count == 0;

    public int Lines => lines.Count;

    public void Line(string line) => lines.Add((Indent, line));

    /// <summary>Text written apart, each line moved by <paramref name="shift"/> levels.</summary>
    public void Append(PromelaText other, int shift = 0) => lines.AddRange(other.lines.Select(l => (l.Indent + shift, l.Line)));

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (indent, line) in lines)
        {
            text.Append(' ', indent * 2).AppendLine(line);
        }

        return text.ToString();
    }
}
