using HvModel.Core.Ir;

namespace HvModel.Core.Review;

/// <summary>One property's verdicts in the two variants of a diff.</summary>
public sealed record VerdictPair(string Property, PropertyKind Kind, Verdict InA, Verdict InB)
{
    public bool Changed => InA != InB;
}
