using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Reports.Review;

/// <summary>
/// Text for a review reply: at most <see cref="Width"/> columns, each counterexample as the
/// kernel-call story in one or two lines a step (the action, then its story notes or call chain).
/// </summary>
public static class EmailText
{
    public const int Width = 72;

    public static void Story(StringBuilder sb, Model model, Trace trace)
    {
        for (var i = 1; i < trace.Steps.Length; i++)
        {
            var step = trace.Steps[i];
            sb.AppendLine(Fit($"{i,3}  {StateFormatter.ActionCall(step.Action!, step.Args)}", Width));
            var detail = step.Notes.IsEmpty ? step.Action!.Calls : string.Join("; ", step.Notes);
            if (!string.IsNullOrEmpty(detail))
            {
                sb.AppendLine(Fit("       " + detail, Width));
            }
        }
    }

    /// <summary>The line cut to <paramref name="width"/> columns, ending in "..." when cut.</summary>
    public static string Fit(string line, int width) => line.Length <= width ? line : line[..(width - 3)].TrimEnd() + "...";

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
