using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>
/// <c>hvmodel review PATCH</c>: a patch (or a series) read against a model from a base variant,
/// each patch's step, and the diff from the base to the variant after the last patch. A variant
/// that no declaration has is checked all the same, as <see cref="Declared"/> says; <see
/// cref="Model"/> is the model with it, so that reports find every variant they name.
/// </summary>
public sealed record PatchReview(Model Model, Variant Base, ImmutableArray<PatchStep> Steps, VariantDiff Diff, bool Declared)
{
    /// <summary>The variant after the last patch.</summary>
    public Variant Result => Steps[^1].After;

    /// <summary>Invariants (and deadlock) violated after the last patch.</summary>
    public IEnumerable<VerdictPair> StillViolated => Diff.Verdicts.Where(v => v.Kind == PropertyKind.Invariant && v.InB == Verdict.Violated);

    /// <summary>Changes to modelled functions that no hunk captures, in any patch.</summary>
    public IEnumerable<ChangedCode> Uncaptured => Steps.SelectMany(s => s.Match.Uncaptured);

    /// <summary>True when no patch of the series changes a function the model stands for.</summary>
    public bool TouchesNothingModelled => Steps.All(s => s.Match.TouchesNothingModelled);

    /// <summary>Hunks some patch implements only in part: their lines are in the patch, but the variant checked leaves them out.</summary>
    public IEnumerable<HunkRecognition> Partial => Steps.SelectMany(s => s.Match.Hunks.Where(h => h.Partial));

    /// <summary>
    /// 1: a property is violated after the patch, or it regresses; 3: a verdict is unknown, after
    /// any patch; 4: it changes modelled code that no hunk captures, implements a hunk in part, or
    /// changes nothing modelled; 0 otherwise. The first that applies wins (2, unreadable input or
    /// a model that says nothing of kernel code, is the command's).
    /// </summary>
    public int ExitCode =>
        StillViolated.Any() || !Diff.Regressions.IsEmpty ? 1
        : Diff.Inconclusive || Steps.Any(s => s.Results.Any(r => r.Verdict == Verdict.Unknown)) ? 3
        : Uncaptured.Any() || Partial.Any() || TouchesNothingModelled ? 4
        : 0;
}
