namespace HvModel.Core.Patches;

/// <summary>What a line of a hunk does: kept, added or removed.</summary>
public enum DiffLineKind
{
    Context,
    Added,
    Removed,
}
