using System.Collections.Immutable;

namespace HvModel.Core.Patches;

/// <summary>One <c>@@</c> hunk of a unified diff.</summary>
/// <param name="File">The path without its <c>a/</c> or <c>b/</c>: the new path, the old one for a deleted file.</param>
/// <param name="OldStart">The first old line, as the header says.</param>
/// <param name="OldCount">How many old lines (context and removed) the hunk holds.</param>
/// <param name="NewStart">The first new line, as the header says.</param>
/// <param name="NewCount">How many new lines (context and added) the hunk holds.</param>
/// <param name="HeaderFunction">The function the header's tail names (the identifier before its first '('), or null.</param>
/// <param name="Lines">The hunk's lines in order.</param>
/// <param name="SourceLine">The 1-based input line of the <c>@@</c> header.</param>
public sealed record DiffHunk(
    string File,
    int OldStart,
    int OldCount,
    int NewStart,
    int NewCount,
    string? HeaderFunction,
    ImmutableArray<DiffLine> Lines,
    int SourceLine);
