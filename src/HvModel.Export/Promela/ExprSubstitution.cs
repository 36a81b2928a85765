using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// Replaces, in an expression, a bound name by an expression, or the value of one state slot
/// by the value an assignment puts there: the two rewrites a weakest precondition needs
/// (<see cref="SuccessorCondition"/>). Both return the very same node when nothing changes, so
/// that a caller can tell cheaply that an expression does not depend on what was replaced.
/// </summary>
internal static class ExprSubstitution
{
    /// <summary><paramref name="e"/> with every occurrence of <paramref name="local"/> replaced by <paramref name="value"/>.</summary>
    /// <remarks>
    /// No capture can happen: the only binders inside <paramref name="e"/> are quantifiers, whose
    /// variables are never free outside them, and the exists made for an <c>any</c>, whose
    /// variable is made fresh (<see cref="SuccessorCondition"/>).
    /// </remarks>
    public static Expr Local(Expr e, Local local, Expr value) =>
        Rewrite(e, x => x is LocalExpr l && l.Local == local ? value : null);

    /// <summary>
    /// <paramref name="e"/>, read after <c>target := value</c>, as an expression over the state
    /// before it: a read of the assigned slot becomes the value, and a read of another element of
    /// the same array becomes "the value if the indices meet, else the element".
    /// </summary>
    public static Expr Assignment(Expr e, Expr target, Expr value)
    {
        var (root, indices) = Chain(target);
        return Rewrite(e, x =>
        {
            if (x is not (VarExpr or IndexExpr) || x.Type is ArrayType)
            {
                return null; // an array read as a whole only stands inside an index chain
            }

            var (readRoot, readIndices) = Chain(x);
            if (readRoot != root)
            {
                return null;
            }

            if (indices.Count == 0)
            {
                return value;
            }

            // The read's own indices may read the assigned slot too: they are rewritten first.
            var rewritten = readIndices.Select(i => Assignment(i, target, value)).ToList();
            var meet = rewritten.Zip(indices, (a, b) => (Expr)new BinaryExpr(BinaryOp.Equal, a, b, BoolType.Instance, x.Span))
                .Aggregate((a, b) => new BinaryExpr(BinaryOp.And, a, b, BoolType.Instance, x.Span));
            return new CondExpr(meet, value, Rebuild(x, rewritten), x.Type, x.Span);
        });
    }

    /// <summary>The state variable a location reads and its indices, outermost first.</summary>
    private static (StateVar Root, List<Expr> Indices) Chain(Expr location)
    {
        var indices = new List<Expr>();
        var at = location;
        while (at is IndexExpr ix)
        {
            indices.Add(ix.Index);
            at = ix.Array;
        }

        indices.Reverse();
        return (at is VarExpr v ? v.Var : throw new NotSupportedException($"Promela export: not a location: {location.GetType().Name}"), indices);
    }

    /// <summary>The location <paramref name="read"/> with its indices replaced, outermost first.</summary>
    private static Expr Rebuild(Expr read, IReadOnlyList<Expr> indices)
    {
        if (read is not IndexExpr ix)
        {
            return read;
        }

        return new IndexExpr(Rebuild(ix.Array, indices.Take(indices.Count - 1).ToList()), indices[^1], ix.Type, ix.Span);
    }

    /// <summary>Rebuilds <paramref name="e"/> bottom-up where <paramref name="replace"/> gives a replacement (it sees the original node).</summary>
    private static Expr Rewrite(Expr e, Func<Expr, Expr?> replace)
    {
        if (replace(e) is { } replaced)
        {
            return replaced;
        }

        switch (e)
        {
            case IndexExpr ix:
            {
                var (array, index) = (Rewrite(ix.Array, replace), Rewrite(ix.Index, replace));
                return ReferenceEquals(array, ix.Array) && ReferenceEquals(index, ix.Index) ? e : new IndexExpr(array, index, ix.Type, ix.Span);
            }

            case UnaryExpr u:
            {
                var operand = Rewrite(u.Operand, replace);
                return ReferenceEquals(operand, u.Operand) ? e : new UnaryExpr(u.Op, operand, u.Type, u.Span);
            }

            case BinaryExpr b:
            {
                var (l, r) = (Rewrite(b.Left, replace), Rewrite(b.Right, replace));
                return ReferenceEquals(l, b.Left) && ReferenceEquals(r, b.Right) ? e : new BinaryExpr(b.Op, l, r, b.Type, b.Span);
            }

            case CondExpr c:
            {
                var (condition, then, otherwise) = (Rewrite(c.Condition, replace), Rewrite(c.Then, replace), Rewrite(c.Else, replace));
                return ReferenceEquals(condition, c.Condition) && ReferenceEquals(then, c.Then) && ReferenceEquals(otherwise, c.Else) ? e : new CondExpr(condition, then, otherwise, c.Type, c.Span);
            }

            case QuantExpr q:
            {
                var body = Rewrite(q.Body, replace);
                return ReferenceEquals(body, q.Body) ? e : new QuantExpr(q.Quantifier, q.Variable, body, q.Type, q.Span);
            }

            default:
                return e; // literals, locals, hunks and whole variables have no parts
        }
    }
}
