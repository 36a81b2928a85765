using HvModel.Core.Ir;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// One verdict a symbolic engine decides for a variant: a property of the model, or deadlock
/// freedom, which is checked as the invariant "in every reachable state some action instance
/// is enabled" (<see cref="Property"/> and <see cref="Candidate"/> are null then). Its target is what a path must reach to
/// decide it: an invariant's violation, a cover's goal, a state without successor.
/// </summary>
internal sealed record Goal(string Name, PropertyKind Kind, PropertyDef? Property)
{
    /// <summary>
    /// A generated invariant (kind's invariant generator): a goal that strengthens the others'
    /// proofs and is never a verdict of its own.
    /// </summary>
    public GroundClause? Candidate { get; init; }

    public bool IsDeadlock => Property is null && Candidate is null;

    public static Goal Generated(string name, GroundClause clause) => new(name, PropertyKind.Invariant, null) { Candidate = clause };

    public static Goal Of(PropertyDef property) => new(property.Name, property.Kind, property);

    public static Goal Deadlock { get; } = new(Model.DeadlockProperty, PropertyKind.Invariant, null);

    /// <summary>The verdict when the target is reached: an invariant (deadlock freedom too) is violated, a cover holds.</summary>
    public Verdict WhenReached => Kind == PropertyKind.Invariant ? Verdict.Violated : Verdict.Holds;

    /// <summary>The verdict when the target is unreachable.</summary>
    public Verdict WhenUnreachable => Kind == PropertyKind.Invariant ? Verdict.Holds : Verdict.Violated;
}
