using HvModel.Core.Text;

namespace HvModel.Core.Ir;

/// <summary>How an action instance must be treated in an infinite behaviour (TLC's WF and SF).</summary>
public enum Fairness
{
    /// <summary>Never forced: a behaviour may leave it enabled forever and never take it.</summary>
    None,

    /// <summary>An instance that stays enabled from some point on is eventually taken.</summary>
    Weak,

    /// <summary>An instance enabled again and again is eventually taken.</summary>
    Strong,
}

/// <summary>The shapes of a liveness property, read as written.</summary>
public enum LivenessForm
{
    /// <summary><c>p leadsto q</c>: whenever p holds, q holds then or later.</summary>
    LeadsTo,

    /// <summary><c>always eventually p</c>: p holds again and again.</summary>
    AlwaysEventually,

    /// <summary><c>eventually p</c>: p holds at some point.</summary>
    Eventually,

    /// <summary><c>eventually always p</c>: from some point on, p holds for good.</summary>
    EventuallyAlways,
}

/// <summary>
/// A liveness property: it speaks of whole infinite behaviours, under the model's fairness
/// (<c>fair weak|strong</c>); <paramref name="P"/> is the form's first predicate, <paramref name="Q"/>
/// the second of <c>leadsto</c>.
/// </summary>
public sealed record LivenessDef(string Name, string Description, LivenessForm Form, Expr P, Expr? Q, SourceSpan Span)
{
    public override string ToString() => Form switch
    {
        LivenessForm.LeadsTo => $"{Name}: p leadsto q",
        LivenessForm.AlwaysEventually => $"{Name}: always eventually p",
        LivenessForm.Eventually => $"{Name}: eventually p",
        _ => $"{Name}: eventually always p",
    };
}
