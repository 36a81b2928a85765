using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Explicit.Review;

/// <summary>
/// The implications <c>a -> b</c> an invariant states, in the usual shapes: at the top,
/// under <c>forall</c>, inside either side of <c>and</c>, and nested in the right side of
/// another implication (<c>p -> forall c: Cpu . q(c) -> r(c)</c>). Each comes with the
/// condition under which its left side is reached, closed over the quantified variables:
/// <c>exists c: Cpu . p and q(c)</c>. When that condition holds in no reachable state, the
/// implication holds vacuously there.
/// </summary>
public static class Implications
{
    /// <summary>One implication of an invariant and the closed condition of its left side.</summary>
    public sealed record Found(BinaryExpr Implication, Expr Reached);

    public static ImmutableArray<Found> Of(Expr invariant)
    {
        var found = ImmutableArray.CreateBuilder<Found>();
        Collect(invariant, [], null, found);
        return found.ToImmutable();
    }

    private static void Collect(Expr e, ImmutableList<QuantExpr> binders, Expr? context, ImmutableArray<Found>.Builder found)
    {
        switch (e)
        {
            case BinaryExpr { Op: BinaryOp.Implies } imp:
            {
                var reached = context is null ? imp.Left : And(context, imp.Left);
                found.Add(new Found(imp, Close(reached, binders)));
                Collect(imp.Right, binders, reached, found);
                break;
            }

            case BinaryExpr { Op: BinaryOp.And } and:
                Collect(and.Left, binders, context, found);
                Collect(and.Right, binders, context, found);
                break;
            case QuantExpr { Quantifier: Quantifier.Forall } all:
                Collect(all.Body, binders.Add(all), context, found);
                break;
        }
    }

    private static Expr And(Expr a, Expr b) => new BinaryExpr(BinaryOp.And, a, b, BoolType.Instance, b.Span);

    // exists x1 . exists x2 . ... reached, innermost binder last.
    private static Expr Close(Expr reached, ImmutableList<QuantExpr> binders)
    {
        var closed = reached;
        for (var i = binders.Count - 1; i >= 0; i--)
        {
            closed = new QuantExpr(Quantifier.Exists, binders[i].Variable, closed, BoolType.Instance, binders[i].Span);
        }

        return closed;
    }
}
