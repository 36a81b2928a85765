using System.Text.RegularExpressions;

namespace HvModel.Core.Patches;

/// <summary>
/// Splits the input into mails: an mbox holds several, each opened by a <c>From </c> line; any
/// other input is one. A mail's subject is its <c>Subject:</c> header (unfolded, RFC 2047 words
/// decoded), or for a mail shown without headers (as archives show it) a first line that looks
/// like a patch subject.
/// </summary>
internal static partial class MailMessages
{
    public static IReadOnlyList<MailMessage> Split(MailText text)
    {
        var starts = Enumerable.Range(0, text.Count).Where(i => IsSeparator(text, i)).ToList();
        if (starts.Count == 0 || starts[0] != 0)
        {
            // Text before the first separator (or the whole input) is a mail of its own.
            starts.Insert(0, 0);
        }

        return [.. starts.Select((start, k) => Read(text, start, k + 1 < starts.Count ? starts[k + 1] : text.Count))];
    }

    // mbox's separator: "From " at the start of the input or after a blank line, a header under it.
    // A body line starting "From " is escaped as ">From " by mbox writers, and has no header under it.
    private static bool IsSeparator(MailText text, int i) =>
        text[i].StartsWith("From ", StringComparison.Ordinal)
        && (i == 0 || text[i - 1].Length == 0)
        && i + 1 < text.Count
        && HeaderLine().IsMatch(text[i + 1]);

    private static MailMessage Read(MailText text, int start, int end)
    {
        var first = IsSeparator(text, start) ? start + 1 : start;
        var headers = first < end && HeaderLine().IsMatch(text[first]) ? Headers(text, first, end) : [];
        string? subject = null;
        foreach (var (name, value, line) in headers)
        {
            if (name.Equals("Subject", StringComparison.OrdinalIgnoreCase))
            {
                subject ??= value;
            }

            // Bodies are read as the lines they are; encoded ones would be read wrong.
            if (name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                && (value.Equals("quoted-printable", StringComparison.OrdinalIgnoreCase) || value.Equals("base64", StringComparison.OrdinalIgnoreCase)))
            {
                throw text.Error(line, $"the mail's body is {value.ToLowerInvariant()}; only plain (7bit or 8bit) bodies are read: save the patch decoded");
            }
        }

        subject ??= FirstLineSubject(text, first, end) ?? "";
        return new MailMessage(start, end, CleanSubject(EncodedWords.Decode(subject)));
    }

    // The header block from its first line to the first blank one, folded lines unfolded.
    private static List<(string Name, string Value, int Line)> Headers(MailText text, int first, int end)
    {
        var headers = new List<(string Name, string Value, int Line)>();
        for (var i = first; i < end && text[i].Length > 0; i++)
        {
            var line = text[i];
            if (line[0] is ' ' or '\t' && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = last with { Value = $"{last.Value} {line.Trim()}" };
            }
            else if (HeaderLine().Match(line) is { Success: true } m)
            {
                headers.Add((m.Groups[1].Value, line[(m.Length)..].Trim(), i));
            }
            else
            {
                break;
            }
        }

        return headers;
    }

    // A mail shown without headers: its first line, if it is a patch's subject.
    private static string? FirstLineSubject(MailText text, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            if (!string.IsNullOrWhiteSpace(text[i]))
            {
                return PatchSubject().IsMatch(text[i]) ? text[i] : null;
            }
        }

        return null;
    }

    /// <summary>As git am cleans a subject: leading "Re:" and bracketed tags off, white space runs made one space.</summary>
    public static string CleanSubject(string subject)
    {
        var s = subject.Trim();
        while (true)
        {
            if (s.StartsWith("re:", StringComparison.OrdinalIgnoreCase))
            {
                s = s[3..].TrimStart();
            }
            else if (s.StartsWith('[') && s.IndexOf(']', StringComparison.Ordinal) is > 0 and var close)
            {
                s = s[(close + 1)..].TrimStart();
            }
            else
            {
                return Spaces().Replace(s, " ").Trim();
            }
        }
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9-]*):(?:\s|$)")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^\s*(?:re:\s*)*\[[^\]]*\bPATCH\b", RegexOptions.IgnoreCase)]
    private static partial Regex PatchSubject();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
