using System.Collections.Immutable;
using HvModel.Core.Checking;

namespace HvModel.Core.Review;

/// <summary>
/// A's shortest counterexample of a property, replayed on B. <see cref="BlockedAt"/> is the
/// step whose guard fails in B (or that has no outcome there; 0: the initial state is not
/// initial in B); otherwise the story runs in full and <see cref="StillFails"/> says whether B's
/// last state still violates the property. <see cref="HunksThatMatter"/> are B's hunks whose
/// removal from B makes the property violated again (by a full check, not only on this story).
/// </summary>
public sealed record StoryReplay(
    string Property,
    CheckResult InA,
    int? BlockedAt,
    string? BlockedReason,
    Divergence? FirstDifference,
    bool? StillFails,
    ImmutableArray<string> HunksThatMatter);
