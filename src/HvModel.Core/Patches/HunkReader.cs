namespace HvModel.Core.Patches;

/// <summary>
/// Reads the lines of one hunk by the counts of its header: a context line counts as old and
/// new, a removed line as old, an added line as new, and the hunk ends when both counts are used
/// up. The counts are what survives mail damage, so they decide whatever a line's look does not:
/// <list type="bullet">
/// <item>In a mangled hunk (indentation lost, so no line keeps the space marker of context) a line
/// without marker is a context line, or the tail of a changed line a mailer wrapped.</item>
/// <item>In a clean hunk a line without marker can only be the tail of a wrapped line.</item>
/// <item>A quoted hunk may be interrupted by the reply's own (less quoted) lines; they are skipped.</item>
/// </list>
/// Every reading that fits the counts is weighed (<see cref="HunkReadings"/>); the one with the
/// fewest wrapped lines is taken if it is the only one, and the input is refused otherwise.
/// </summary>
internal static class HunkReader
{
    /// <summary>The hunk whose header is at <paramref name="header"/>, read up to <paramref name="end"/> at most.</summary>
    /// <returns>The lines and the index of the first line after the hunk.</returns>
    public static (IReadOnlyList<ReadLine> Lines, int Next) Read(MailText text, int header, int end, int depth, HunkHeader counts)
    {
        var lines = new HunkLines(text, header, end, depth);
        var mangled = Mangled(lines, counts);
        var readings = new HunkReadings(lines, counts, mangled);
        return readings.Best() ?? throw Diagnose(lines, counts, readings, mangled);
    }

    // A hunk is mangled when no line of it keeps a context line's space marker.
    private static bool Mangled(HunkLines lines, HunkHeader counts)
    {
        var budget = counts.OldCount + counts.NewCount;
        for (var j = lines.First; budget > 0; j++)
        {
            switch (lines.ShapeOf(j))
            {
                case LineShape.Outside or LineShape.Structural:
                    return true;
                case LineShape.Marked:
                    return false;
                case LineShape.Reply or LineShape.NoNewline:
                    break;
                default:
                    budget--;
                    break;
            }
        }

        return true;
    }

    // Says why no reading fits, at the furthest line a reading reached.
    private static Text.ModelError Diagnose(HunkLines lines, HunkHeader counts, HunkReadings readings, bool mangled)
    {
        var (j, old, @new) = readings.Furthest();
        var header = $"'@@ {counts.Counts} @@'";
        var shape = lines.ShapeOf(j);
        if (shape is LineShape.Outside or LineShape.Structural)
        {
            var stop = shape == LineShape.Outside ? "the end of the mail" : $"line {j + 1}";
            return lines.Text.Error(lines.Header,
                $"hunk header {header} promises {counts.OldCount} old and {counts.NewCount} new lines, " +
                $"but the hunk stops at {stop} with {old} old and {@new} new lines missing");
        }

        var hunk = $"the hunk at line {lines.Header + 1} ({header})";
        if (old == 0 && @new == 0)
        {
            return lines.Text.Error(j,
                $"this line follows {hunk}, whose counts are used up; the counts are wrong or a line above was wrapped by a mailer");
        }

        var context = shape is LineShape.Blank or LineShape.Marked || (shape == LineShape.Unmarked && mangled);
        var message = shape switch
        {
            LineShape.Added => $"an added line, but {hunk} has no new lines left",
            LineShape.Removed => $"a removed line, but {hunk} has no old lines left",
            _ when context => $"a context line, but {hunk} has no {(old == 0 ? "old" : "new")} lines left",
            _ => $"a line with no diff marker ('+', '-' or space) that continues no line above it, in {hunk}",
        };
        return lines.Text.Error(j, message);
    }
}
