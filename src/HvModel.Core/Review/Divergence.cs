using System.Collections.Immutable;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>
/// The first step of a replayed story whose effect differs in the other variant: the action
/// instance, the state slots that end up different (<c>slot: value in A, value in B</c>), and the
/// <c>if hunk</c> branches that step took in each variant.
/// </summary>
public sealed record Divergence(
    int Step,
    ActionInstance? Instance,
    ImmutableArray<SlotDifference> Differences,
    ImmutableArray<HunkBranch> BranchesInA,
    ImmutableArray<HunkBranch> BranchesInB)
{
    /// <summary>The step as reports name it: the action instance, or "initial state" (step 0).</summary>
    public string Call => Instance?.ToString() ?? "initial state";
}
