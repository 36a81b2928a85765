namespace HvModel.Core.Patches;

/// <summary>A hunk's lines before functions are attributed.</summary>
internal sealed record ReadLine(DiffLineKind Kind, string Text, int SourceLine);
