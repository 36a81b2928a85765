using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>
/// One finding of the gate in one variant: what (<see cref="Subject"/>: an action instance, a
/// hunk, an invariant or a cover), in words, and the reason when the model expects it.
/// </summary>
public sealed record GateFinding(GateFindingKind Kind, string Variant, string Subject, string Detail, string? ExpectedBecause)
{
    public bool Expected => ExpectedBecause is not null;

    /// <summary>For an action instance that never fires, the instance itself (the subject is how it prints).</summary>
    public ActionInstance? Instance { get; init; }

    /// <summary>The kind as written in reports and in JSON.</summary>
    public string KindWord => Kind switch
    {
        GateFindingKind.NeverFires => "never_fires",
        GateFindingKind.InertHunk => "inert_hunk",
        GateFindingKind.VacuousImplication => "vacuous_implication",
        GateFindingKind.Deadlock => "deadlock",
        _ => "unreached_cover",
    };
}
