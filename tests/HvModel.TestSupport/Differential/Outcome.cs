using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.TestSupport.Differential;

/// <summary>
/// What an engine says about one property, in terms every engine shares: the target (an
/// invariant's violation, a cover's goal) is hit by a shortest path of some length, is not
/// reachable at all, or is unknown.
/// </summary>
public readonly record struct Outcome(OutcomeKind Kind, int Length, string? Reason)
{
    public static Outcome Of(CheckResult r)
    {
        if (r.Verdict == Verdict.Unknown)
        {
            return new Outcome(OutcomeKind.Unknown, -1, r.Reason);
        }

        var hit = (r.Kind == PropertyKind.Cover) == (r.Verdict == Verdict.Holds);
        return hit ? new Outcome(OutcomeKind.Hit, r.Trace?.Length ?? -1, null) : new Outcome(OutcomeKind.NoHit, -1, null);
    }

    public override string ToString() => Kind switch
    {
        OutcomeKind.Hit => $"hit at length {Length}",
        OutcomeKind.NoHit => "unreachable",
        _ => $"unknown ({Reason})",
    };
}

public enum OutcomeKind
{
    Hit,
    NoHit,
    Unknown,
}
