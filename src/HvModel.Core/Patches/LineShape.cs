namespace HvModel.Core.Patches;

/// <summary>What a line after a hunk header looks like, before the counts say what it is.</summary>
internal enum LineShape
{
    /// <summary>Past the end of the mail.</summary>
    Outside,

    /// <summary>Quoted less deeply than the hunk: the reply's own text.</summary>
    Reply,

    /// <summary>Starts something else: a hunk or file header, a mail signature.</summary>
    Structural,

    /// <summary>Empty: a blank context line whose space the mail dropped, or what follows a hunk.</summary>
    Blank,

    /// <summary><c>\ No newline at end of file</c>, which counts as no line.</summary>
    NoNewline,
    Added,
    Removed,

    /// <summary>Starts with white space: a context line with its marker.</summary>
    Marked,

    /// <summary>No marker: a context line that lost it, or the tail of a wrapped line.</summary>
    Unmarked,
}
