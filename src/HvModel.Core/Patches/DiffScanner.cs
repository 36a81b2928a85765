using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace HvModel.Core.Patches;

/// <summary>
/// Finds the diff in one mail, wherever it sits (after a commit message, under a reply, quoted at
/// any depth): file headers (<c>diff --git</c>, a <c>--- </c> line over a <c>+++ </c> line) and
/// the <c>@@</c> hunks under them. Everything else is the mail's prose and is passed over.
/// </summary>
internal static partial class DiffScanner
{
    /// <summary>The mail's hunks, and the first file header seen (null if none) to point at when there are no hunks.</summary>
    public static (ImmutableArray<DiffHunk> Hunks, int? FirstFileHeader) Read(MailText text, int start, int end)
    {
        var hunks = ImmutableArray.CreateBuilder<DiffHunk>();
        string? file = null;
        int? firstFileHeader = null;
        var j = start;
        while (j < end)
        {
            var depth = text.Depth(j);
            var content = text.Unquote(j, depth);
            if (content.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                file = GitDiffPath(content);
                firstFileHeader ??= j;
                j++;
            }
            else if (content.StartsWith("--- ", StringComparison.Ordinal) && j + 1 < end && text.Depth(j + 1) == depth
                && text.Unquote(j + 1, depth) is var plus && plus.StartsWith("+++ ", StringComparison.Ordinal))
            {
                // A deleted file's new side is /dev/null: it is named by its old path.
                var newPath = PathOf(plus);
                file = newPath == "/dev/null" ? PathOf(content) : newPath;
                firstFileHeader ??= j;
                j += 2;
            }
            else if (HunkHeader.Starts(content))
            {
                var header = Header(text, j, content);
                if (file is null)
                {
                    throw text.Error(j, "hunk header with no file header ('--- a/...' over '+++ b/...') above it");
                }

                var (lines, next) = HunkReader.Read(text, j, end, depth, header);
                var functions = FunctionAttribution.Attribute([.. lines.Select(l => l.Text)], header.Function);
                var diffLines = lines.Select((l, i) => new DiffLine(l.Kind, l.Text, functions[i], l.SourceLine));
                hunks.Add(new DiffHunk(file, header.OldStart, header.OldCount, header.NewStart, header.NewCount, header.Function, [.. diffLines], j + 1));
                j = next;
            }
            else
            {
                j++;
            }
        }

        return (hunks.ToImmutable(), firstFileHeader);
    }

    private static HunkHeader Header(MailText text, int j, string content)
    {
        if (HunkHeader.IsCombined(content))
        {
            throw text.Error(j, "a combined diff of a merge ('@@@') is not read: give the patch of one parent, as git format-patch writes it");
        }

        return HunkHeader.Parse(content)
            ?? throw text.Error(j, $"damaged hunk header '{content}': expected '@@ -start,count +start,count @@'");
    }

    // "diff --git a/x b/y" names y; a path with " b/" in it cannot be told apart, the "+++ " line can.
    private static string GitDiffPath(string content)
    {
        var paths = content["diff --git ".Length..].Trim();
        var b = paths.LastIndexOf(" b/", StringComparison.Ordinal);
        return b >= 0 ? paths[(b + 3)..] : paths;
    }

    // The path of a "--- " or "+++ " line: without the timestamp plain diff adds, quotes or a/ b/.
    private static string PathOf(string content)
    {
        var path = content[4..];
        var tab = path.IndexOf('\t', StringComparison.Ordinal);
        path = Timestamp().Replace(tab >= 0 ? path[..tab] : path, "").Trim().Trim('"');
        return path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
    }

    // "2020-10-02 01:51:58.000000000 -0700" after a path whose tab mail turned into a space.
    [GeneratedRegex(@"\s+\d{4}-\d\d-\d\d[\s\d:.+-]*$")]
    private static partial Regex Timestamp();
}
