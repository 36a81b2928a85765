using System.Text;

namespace HvModel.Export.Promela;

/// <summary>Promela text being written, line by line at an indentation; a branch is written apart first, to know whether it is empty.</summary>
internal sealed class PromelaText(int indent)
{
    private readonly StringBuilder text = new();

    public int Indent { get; set; } = indent;

    public bool IsEmpty => Lines == 0;

    public int Lines { get; private set; }

    public void Line(string line)
    {
        text.Append(' ', Indent * 2).AppendLine(line);
        Lines++;
    }

    /// <summary>Text written apart (already indented).</summary>
    public void Append(PromelaText other)
    {
        text.Append(other.text);
        Lines += other.Lines;
    }

    public override string ToString() => text.ToString();
}
