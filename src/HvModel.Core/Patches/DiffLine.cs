namespace HvModel.Core.Patches;

/// <summary>One line of a hunk.</summary>
/// <param name="Kind">Kept, added or removed.</param>
/// <param name="Text">
/// The line without its marker, white space trimmed at both ends (mail loses indentation, so
/// nothing may depend on it). A line a mailer wrapped is joined back with one space.
/// </param>
/// <param name="Function">
/// The C function the line is in: the nearest definition above it in the hunk, else the one the
/// <c>@@</c> header names; null when neither tells.
/// </param>
/// <param name="SourceLine">The 1-based line of the input the line starts on.</param>
public sealed record DiffLine(DiffLineKind Kind, string Text, string? Function, int SourceLine);
