using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Patches;

namespace HvModel.Core.Review;

/// <summary>One line a hunk looks for, and the patch's lines that show it (none: not found).</summary>
public sealed record PatternMatch(HunkPattern Pattern, ImmutableArray<DiffLine> Lines)
{
    public bool Found => !Lines.IsEmpty;
}

/// <summary>
/// How far a patch shows one of the model's hunks: recognised when every line the hunk looks
/// for is there, partly when some are (a patch in progress, or a model gone stale).
/// </summary>
public sealed record HunkRecognition(Hunk Hunk, ImmutableArray<PatternMatch> Patterns)
{
    public bool Recognised => !Patterns.IsEmpty && Patterns.All(p => p.Found);

    public bool Partial => Patterns.Any(p => p.Found) && !Recognised;
}

/// <summary>
/// Lines a patch changes in one function of one diff hunk. In a function the model stands for,
/// no hunk's line among them means the model does not capture the change; in any other
/// function, the model does not cover it.
/// </summary>
public sealed record ChangedCode(string File, string? Function, int DiffHunk, ImmutableArray<DiffLine> Lines);

/// <summary>
/// A patch read against a model: the model's hunks it implements (wholly or in part), the base
/// variant's hunks it reverts, the changes to modelled functions that no hunk captures, and
/// the changes to code the model does not model.
/// </summary>
public sealed record PatchMatch(
    Patch Patch,
    ImmutableArray<HunkRecognition> Hunks,
    ImmutableArray<HunkRecognition> Reverted,
    ImmutableArray<ChangedCode> Uncaptured,
    ImmutableArray<ChangedCode> Uncovered)
{
    /// <summary>The hunks the patch implements in full.</summary>
    public IEnumerable<Hunk> Recognised => Hunks.Where(h => h.Recognised).Select(h => h.Hunk);

    /// <summary>True when no line the patch changes is in a function the model stands for.</summary>
    public bool TouchesNothingModelled { get; init; }
}
