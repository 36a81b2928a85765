using System.Collections.Immutable;

namespace HvModel.Core.Ir;

/// <summary>
/// An action with a value for each of its parameters: one guarded command of the transition
/// system. <see cref="Ordinal"/> numbers the instances of an action in the order every engine
/// enumerates them (<see cref="ActionDef.Instances"/>): parameters in declaration order, the
/// last varying fastest. Two instances are equal when they are of the same action with the
/// same arguments; an instance is a value, not the string it prints as.
/// </summary>
public sealed class ActionInstance : IEquatable<ActionInstance>
{
    internal ActionInstance(ActionDef action, ImmutableArray<int> args, int ordinal)
    {
        Action = action;
        Args = args;
        Ordinal = ordinal;
    }

    public ActionDef Action { get; }

    /// <summary>A value per parameter, in declaration order.</summary>
    public ImmutableArray<int> Args { get; }

    /// <summary>The instance's place among its action's instances.</summary>
    public int Ordinal { get; }

    public bool Equals(ActionInstance? other) => other is not null && ReferenceEquals(Action, other.Action) && Ordinal == other.Ordinal;

    public override bool Equals(object? obj) => obj is ActionInstance other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Action, Ordinal);

    /// <summary>As traces show it: <c>name(p=v, ...)</c>, or the bare name without parameters.</summary>
    public override string ToString() => Format(Action, Args);

    /// <summary>How an action with these arguments is written in traces and reports.</summary>
    public static string Format(ActionDef action, IReadOnlyList<int> args) =>
        action.Parameters.IsEmpty
            ? action.Name
            : $"{action.Name}({string.Join(", ", action.Parameters.Select((p, i) => $"{p.Name}={p.Domain.Format(args[i])}"))})";
}
