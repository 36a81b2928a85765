using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// When an action instance has a successor, as an expression over the state it starts from:
/// its guard holds and some run of its body completes, every <c>any</c> on the way finding a
/// value that meets its condition. This is what "enabled" means for fairness in HvModel's
/// liveness graph (an instance is enabled where the graph has a transition labelled by it),
/// and the guard alone says too much wherever an <c>any</c> may find no value.
/// </summary>
/// <remarks>
/// It is the weakest precondition of the body for "completes", computed on the IR backwards:
/// an assignment rewrites what follows it in terms of the state before it
/// (<see cref="ExprSubstitution.Assignment"/>), an <c>if</c> becomes a conditional, a
/// <c>for</c> is unrolled, a <c>let</c>'s name becomes its value, and an <c>any</c> becomes an
/// <c>exists</c> over its type of its condition and of what its body needs. A path that never
/// meets an <c>any</c> with a condition needs nothing, so a body without one gives its guard
/// alone. It is computed apart from the d_steps on purpose: the never claims read it, and it
/// must not inherit a mistake of the steps it judges. Model errors (a value out of range) are
/// not its business: a model that meets one has no verdict to compare.
/// </remarks>
internal static class SuccessorCondition
{
    private static readonly Expr True = new LiteralExpr(1, BoolType.Instance, Core.Text.SourceSpan.None);

    private static readonly Expr False = new LiteralExpr(0, BoolType.Instance, Core.Text.SourceSpan.None);

    /// <summary>"<paramref name="instance"/> has a successor", its parameters replaced by their values.</summary>
    public static Expr Of(ActionInstance instance)
    {
        var action = instance.Action;
        var condition = And(action.Guard, Completes(action.Body, True));
        for (var i = 0; i < action.Parameters.Length; i++)
        {
            var parameter = action.Parameters[i];
            condition = ExprSubstitution.Local(condition, parameter, new LiteralExpr(instance.Args[i], parameter.Type, action.Span));
        }

        return condition;
    }

    /// <summary>The weakest precondition under which <paramref name="s"/> completes with <paramref name="after"/> holding when it ends.</summary>
    private static Expr Completes(Stmt s, Expr after)
    {
        if (ReferenceEquals(after, True) && !StmtFacts.MayHaveNoOutcome(s))
        {
            return True; // nothing to ask of the state, and nothing on the way can fail
        }

        switch (s)
        {
            case BlockStmt b:
                return b.Statements.Reverse().Aggregate(after, (q, statement) => Completes(statement, q));
            case AssignStmt a:
                return ExprSubstitution.Assignment(after, a.Target, a.Value);
            case IfStmt i:
            {
                var (then, otherwise) = (Completes(i.Then, after), Completes(i.Else, after));
                return ReferenceEquals(then, otherwise) ? then : new CondExpr(i.Condition, then, otherwise, BoolType.Instance, i.Span);
            }

            case ForStmt f:
                // Unrolled: the last iteration's precondition is what the one before must establish.
                return f.Variable.Domain.Values().Reverse().Aggregate(after, (q, value) =>
                    ExprSubstitution.Local(Completes(f.Body, q), f.Variable, new LiteralExpr(value, f.Variable.Type, f.Span)));
            case LetStmt l:
                // The value is read where the let stands: the body's precondition is over that state too.
                return ExprSubstitution.Local(Completes(l.Body, after), l.Variable, l.Value);
            case AnyStmt any:
            {
                if (any.Variable.Domain.Count == 0)
                {
                    return False;
                }

                // A fresh variable for the exists: the same 'any' unrolled in a loop makes one per iteration.
                var chosen = new Local(any.Variable.Name, any.Variable.Type, any.Variable.Slot);
                var body = And(any.Where ?? True, Completes(any.Body, after));
                var renamed = ExprSubstitution.Local(body, any.Variable, new LocalExpr(chosen, any.Span));
                return new QuantExpr(Quantifier.Exists, chosen, renamed, BoolType.Instance, any.Span);
            }

            default:
                return after; // a note changes nothing
        }
    }

    private static Expr And(Expr a, Expr b) =>
        ReferenceEquals(b, True) ? a : ReferenceEquals(a, True) ? b : new BinaryExpr(BinaryOp.And, a, b, BoolType.Instance, a.Span);
}
