using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// How many values the <c>choice</c> parameter of a rule needs. A Murphi rule is deterministic,
/// so each <c>any</c> of an HvModel body takes its value from a digit of <c>choice</c>, read in
/// mixed radix in the order the rule meets its choices (<c>digit := left % D; left := left / D</c>,
/// D the size of the choice's type). Along any path through the body, the product of the sizes
/// of the choices met is at most <see cref="Radix"/>, so every combination of values along that
/// path is the decoding of some <c>choice</c> below it: the rule's outcomes over all values of
/// <c>choice</c> are the body's outcomes. Values whose digits a path does not read give outcomes
/// again, which Rumur finds already seen.
/// </summary>
internal static class MurphiChoices
{
    /// <summary>Most values of one rule's choice parameter (the flagship's init block at 4x4 needs 2^24).</summary>
    public const long MaxChoices = 1L << 24;

    /// <summary>
    /// A bound on the product of the domain sizes of the choices along any path through
    /// <paramref name="s"/>: an <c>if</c> takes the larger of its branches (only one when its
    /// condition is constant in <paramref name="variant"/>), a loop the power of its body's, an
    /// <c>any</c> its type's size times its body's. Saturates past <see cref="MaxChoices"/>.
    /// </summary>
    public static long Radix(Stmt s, Variant variant) => s switch
    {
        BlockStmt b => b.Statements.Aggregate(1L, (n, x) => Times(n, Radix(x, variant))),
        IfStmt i => Constant(i.Condition, variant) switch
        {
            true => Radix(i.Then, variant),
            false => Radix(i.Else, variant),
            null => Math.Max(Radix(i.Then, variant), Radix(i.Else, variant)),
        },
        ForStmt f => Enumerable.Range(0, f.Variable.Domain.Count).Aggregate(1L, (n, _) => Times(n, Radix(f.Body, variant))),
        AnyStmt a => Times(Math.Max(1, a.Variable.Domain.Count), Radix(a.Body, variant)),
        LetStmt l => Radix(l.Body, variant),
        _ => 1,
    };

    private static long Times(long a, long b) => Math.Min(a * b, MaxChoices + 1);

    /// <summary>
    /// The value of a condition that reads no state and no local: literals and hunks, joined by
    /// the logical operators and compared (configuration constants are literals in the IR).
    /// Null when it depends on the state.
    /// </summary>
    public static bool? Constant(Expr e, Variant variant)
    {
        switch (e)
        {
            case LiteralExpr { Type: BoolType } l:
                return l.Value != 0;
            case HunkExpr h:
                return variant.Applies(h.Hunk);
            case UnaryExpr { Op: UnaryOp.Not } u:
                return !Constant(u.Operand, variant);
            case BinaryExpr { Left: LiteralExpr l, Right: LiteralExpr r } b:
                return b.Op switch
                {
                    BinaryOp.Equal => l.Value == r.Value,
                    BinaryOp.NotEqual => l.Value != r.Value,
                    BinaryOp.Less => l.Value < r.Value,
                    BinaryOp.LessEqual => l.Value <= r.Value,
                    BinaryOp.Greater => l.Value > r.Value,
                    BinaryOp.GreaterEqual => l.Value >= r.Value,
                    _ => Logical(b, variant),
                };
            case BinaryExpr b:
                return Logical(b, variant);
            default:
                return null;
        }
    }

    private static bool? Logical(BinaryExpr b, Variant variant)
    {
        if (b.Op is not (BinaryOp.And or BinaryOp.Or or BinaryOp.Implies or BinaryOp.Iff))
        {
            return null;
        }

        var l = Constant(b.Left, variant);
        var r = Constant(b.Right, variant);
        return b.Op switch
        {
            BinaryOp.And => l == false || r == false ? false : l == true && r == true ? true : null,
            BinaryOp.Or => l == true || r == true ? true : l == false && r == false ? false : null,
            BinaryOp.Implies => l == false || r == true ? true : l == true && r == false ? false : null,
            _ => l is { } x && r is { } y ? x == y : null,
        };
    }
}
