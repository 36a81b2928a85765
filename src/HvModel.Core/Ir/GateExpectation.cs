using System.Collections.Immutable;
using HvModel.Core.Text;

namespace HvModel.Core.Ir;

/// <summary>What kind of gate finding a model may declare expected.</summary>
public enum GateFindingKind
{
    /// <summary>An action instance that fires in no reachable state.</summary>
    NeverFires,

    /// <summary>A hunk whose removal leaves the reachable state graph unchanged.</summary>
    InertHunk,

    /// <summary>An invariant <c>a -> b</c> whose <c>a</c> holds in no reachable state.</summary>
    VacuousImplication,

    /// <summary>A cover reached in no reachable state (expected through the expect tables).</summary>
    UnreachedCover,

    /// <summary>Reachable states without an enabled action (expected through the expect tables' deadlock column).</summary>
    Deadlock,
}

/// <summary>
/// A gate finding the model expects (<c>expect never|inert|vacuous ...</c>), in the variants
/// named (all when empty), already filtered by its <c>when</c> condition over the constants.
/// For <see cref="GateFindingKind.NeverFires"/>, <see cref="Arguments"/> has a value per
/// parameter of the action, null where any value matches.
/// </summary>
public sealed record GateExpectation(
    GateFindingKind Kind,
    string Subject,
    ImmutableArray<int?> Arguments,
    ImmutableArray<string> Variants,
    string Reason,
    SourceSpan Span)
{
    public bool AppliesTo(string variant) => Variants.IsEmpty || Variants.Contains(variant);
}
