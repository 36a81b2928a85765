using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Reports.Review;

/// <summary>
/// Text for a review reply: at most <see cref="Width"/> columns, each counterexample told as the
/// whole kernel-call story (the action, its call chain, every note wrapped and never cut);
/// only the per-variable values are left out, which the text report and the committed
/// counterexamples keep.
/// </summary>
public static class EmailText
{
    public const int Width = 72;

    public static void Story(StringBuilder sb, Model model, Trace trace) => TraceText.Steps(sb, model, trace, Width, values: false);

    /// <summary>Text wrapped at the mail width with a hanging indent.</summary>
    public static void Wrapped(StringBuilder sb, string text, int indent = 0) => StateFormatter.AppendWrapped(sb, text, indent, Width);

    /// <summary>As <see cref="Command(StringBuilder, string)"/>, as a string.</summary>
    public static string CommandText(string command)
    {
        var sb = new StringBuilder();
        Command(sb, command);
        return sb.ToString();
    }

    /// <summary>The command line that reproduces a report, wrapped with shell continuations.</summary>
    public static void Command(StringBuilder sb, string command)
    {
        sb.AppendLine("Reproduce with:");
        var line = new StringBuilder("  ");
        foreach (var word in command.Split(' '))
        {
            if (line.Length + word.Length + 2 > Width && line.Length > 2)
            {
                sb.AppendLine(line.Append('\\').ToString());
                line.Clear().Append("    ");
            }

            line.Append(word).Append(' ');
        }

        sb.AppendLine(line.ToString().TrimEnd());
    }
}
