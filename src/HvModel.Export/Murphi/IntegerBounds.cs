using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// The range a <c>let</c> of integer arithmetic is declared with in Murphi: the values its
/// expression may take, by the interval rules every encoding shares (<see cref="Interval"/>),
/// within 32 bits (a value past them is HvModel's overflow error).
/// </summary>
internal static class IntegerBounds
{
    /// <summary>The values <paramref name="e"/> may take; <paramref name="lets"/> gives those of the integer lets it reads.</summary>
    public static Interval Of(Expr e, IReadOnlyDictionary<Local, Interval> lets)
    {
        Interval Sub(Expr x) => Of(x, lets);
        var range = e switch
        {
            LiteralExpr l => Interval.Point(l.Value),
            LocalExpr l when lets.TryGetValue(l.Local, out var known) => known,
            UnaryExpr { Op: UnaryOp.Negate } u => Sub(u.Operand).Negated,
            BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide or BinaryOp.Modulo or BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor } b =>
                Interval.Of(b.Op, Sub(b.Left), Sub(b.Right)),
            BinaryExpr { Op: BinaryOp.ShiftRight } b => new Interval(0, Math.Max(0, Sub(b.Left).Hi)),
            BinaryExpr { Op: BinaryOp.ShiftLeft } b => ShiftLeft(Sub(b.Left), Sub(b.Right)),
            CondExpr c => Sub(c.Then).Join(Sub(c.Else)),
            QuantExpr { Quantifier: Quantifier.Count } q => new Interval(0, q.Variable.Domain.Count),
            _ => e.Type is ScalarType s ? Interval.Of(s) : Interval.Int32,
        };
        return range.Clipped;
    }

    private static Interval ShiftLeft(Interval value, Interval count) =>
        count.Hi >= 31 || value.Hi > (int.MaxValue >> (int)Math.Max(0, count.Hi))
            ? new Interval(0, int.MaxValue)
            : new Interval(0, Math.Max(0, value.Hi) << (int)Math.Max(0, count.Hi));
}
