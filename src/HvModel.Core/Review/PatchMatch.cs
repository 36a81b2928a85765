using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Patches;

namespace HvModel.Core.Review;

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
