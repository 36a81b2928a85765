using HvModel.Core.Text;

namespace HvModel.Core.Patches;

/// <summary>
/// Reads the patches in a text: a <c>git format-patch</c> file, an mbox holding a series (one
/// patch per mail, in order), a reply quoting a patch with <c>&gt; </c>, or a plain
/// <c>git diff</c>. It bears the damage mail does (indentation lost, quoting, CRLF line ends, long
/// lines wrapped where the hunk's counts say how) and refuses, with the line, what it cannot read.
/// </summary>
public static class PatchReader
{
    /// <summary>The patches of <paramref name="text"/>; a mail with no diff (a cover letter) is none.</summary>
    /// <param name="text">The input.</param>
    /// <param name="sourceName">The name errors give the input (its path as the user wrote it).</param>
    /// <exception cref="ModelError">The text holds no diff, or one that cannot be read.</exception>
    public static PatchSeries Read(string text, string sourceName)
    {
        var mail = new MailText(text, sourceName);
        if (Enumerable.Range(0, mail.Count).All(i => string.IsNullOrWhiteSpace(mail[i])))
        {
            throw new ModelError(new SourceSpan(sourceName, 1, 1), "empty input: no patch to read");
        }

        var patches = new List<Patch>();
        int? fileHeaderWithoutHunks = null;
        foreach (var message in MailMessages.Split(mail))
        {
            var (hunks, firstFileHeader) = DiffScanner.Read(mail, message.Start, message.End);
            if (hunks.IsEmpty)
            {
                fileHeaderWithoutHunks ??= firstFileHeader;
                continue;
            }

            patches.Add(new Patch(message.Subject, hunks));
        }

        if (patches.Count == 0)
        {
            throw fileHeaderWithoutHunks is { } line
                ? mail.Error(line, "no unified diff found: this file header has no '@@' hunk header under it")
                : mail.Error(0, "no unified diff found: no '@@' hunk header");
        }

        return new PatchSeries([.. patches]);
    }
}
