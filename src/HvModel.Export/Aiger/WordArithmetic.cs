using HvModel.Core.Ir;

namespace HvModel.Export.Aiger;

/// <summary>
/// The integer operators on <see cref="AigWord"/>s with the evaluator's exact semantics
/// (<see cref="Core.Evaluation.IntegerOps"/>): each operation is computed at a width that holds
/// its operands and every result their intervals allow (at most 64 bits, since operands are
/// 32-bit), so nothing wraps; a result outside 32 bits is the evaluator's overflow, returned as
/// the error literal; the result is then cut to the width of its interval within 32 bits. The
/// interval rules are the bit-vector encoding's (the SMT translator's), the widths
/// <see cref="IntegerWidth"/>'s. Division truncates toward zero and the remainder takes the
/// dividend's sign, as in C; a zero divisor and a negative operand of a bit operator are errors.
/// </summary>
public sealed class WordArithmetic
{
    private const long IntMin = int.MinValue;
    private const long IntMax = int.MaxValue;

    private readonly Aig g;
    private readonly WordCircuits c;

    public WordArithmetic(Aig graph)
    {
        g = graph;
        c = new WordCircuits(graph);
    }

    public Aig Graph => g;

    /// <summary><paramref name="v"/> at <paramref name="width"/> bits: extended by its own signedness, or cut (right when the value fits).</summary>
    public static int[] At(AigWord v, int width) => WordCircuits.Resize(v.Bits, width, v.Signed);

    /// <summary>The value of <paramref name="v"/> as a word of <paramref name="to"/>'s encoding; right when it lies in <paramref name="to"/>.</summary>
    public static AigWord Fit(ScalarType to, AigWord v) => AigWord.Of(to, At(v, AigWord.WidthOf(to)));

    /// <summary>The literal that <paramref name="v"/> lies outside <paramref name="lo"/>..<paramref name="hi"/> (false when its interval is inside).</summary>
    public int Outside(AigWord v, long lo, long hi)
    {
        if (v.Lo >= lo && v.Hi <= hi)
        {
            return Aig.False;
        }

        var (w, signed) = IntegerWidth.Of(Math.Min(lo, v.Lo), Math.Max(hi, v.Hi));
        var x = At(v, w);
        var below = v.Lo < lo ? c.Less(x, At(AigWord.Constant(lo), w), signed) : Aig.False;
        var above = v.Hi > hi ? c.Less(At(AigWord.Constant(hi), w), x, signed) : Aig.False;
        return g.Or(below, above);
    }

    public int OutOfRange(ScalarType to, AigWord v) =>
        to is BoolType ? Aig.False : Outside(v, IntegerWidth.Lo(to), IntegerWidth.Hi(to));

    /// <summary>The literal that <paramref name="v"/> equals <paramref name="literal"/>.</summary>
    public int EqualsValue(AigWord v, long literal) =>
        literal < v.Lo || literal > v.Hi ? Aig.False : c.Equal(v.Bits, At(AigWord.Constant(literal), v.Width));

    public int Compare(BinaryOp op, AigWord l, AigWord r)
    {
        if (op is BinaryOp.Equal or BinaryOp.NotEqual && (l.Hi < r.Lo || r.Hi < l.Lo))
        {
            return op == BinaryOp.NotEqual ? Aig.True : Aig.False;
        }

        var (w, signed) = IntegerWidth.Of(Math.Min(l.Lo, r.Lo), Math.Max(l.Hi, r.Hi));
        var (a, b) = (At(l, w), At(r, w));
        return op switch
        {
            BinaryOp.Equal => c.Equal(a, b),
            BinaryOp.NotEqual => Aig.Not(c.Equal(a, b)),
            BinaryOp.Less => c.Less(a, b, signed),
            BinaryOp.LessEqual => Aig.Not(c.Less(b, a, signed)),
            BinaryOp.Greater => c.Less(b, a, signed),
            BinaryOp.GreaterEqual => Aig.Not(c.Less(a, b, signed)),
            _ => throw new InvalidOperationException(op.ToString()),
        };
    }

    public AigWord Ite(int condition, AigWord t, AigWord e)
    {
        if (condition == Aig.True || ReferenceEquals(t, e))
        {
            return t;
        }

        if (condition == Aig.False)
        {
            return e;
        }

        var (lo, hi) = (Math.Min(t.Lo, e.Lo), Math.Max(t.Hi, e.Hi));
        var w = IntegerWidth.Of(lo, hi).Width;
        return new AigWord(c.Mux(condition, At(t, w), At(e, w)), lo, hi).Tightened();
    }

    /// <summary>How many of the literals are true.</summary>
    public AigWord Count(IReadOnlyList<int> conditions)
    {
        var w = IntegerWidth.Of(0, conditions.Count).Width;
        var sum = new int[w];
        foreach (var b in conditions)
        {
            sum = c.Add(sum, WordCircuits.Resize([b], w, false));
        }

        return new AigWord(sum, 0, conditions.Count).Tightened();
    }

    public AigValue Negate(AigWord v) => Exact(BinaryOp.Subtract, AigWord.Constant(0), v, v.Range.Negated);

    /// <summary>An integer operator; the value's error literal is the operator's own (overflow, zero divisor, negative bit operand).</summary>
    public AigValue Apply(BinaryOp op, AigWord l, AigWord r)
    {
        switch (op)
        {
            case BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply:
                return Exact(op, l, r, Interval.Of(op, l.Range, r.Range));
            case BinaryOp.Divide or BinaryOp.Modulo:
                return Divide(op, l, r);
            case BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor:
                return Bitwise(op, l, r);
            case BinaryOp.ShiftLeft:
                return ShiftLeft(l, r);
            case BinaryOp.ShiftRight:
                return ShiftRight(l, r);
            default:
                throw new InvalidOperationException($"not an integer operator: {op}");
        }
    }

    /// <summary>+, - or * at a width holding the operands and every result in lo..hi, then narrowed.</summary>
    private AigValue Exact(BinaryOp op, AigWord l, AigWord r, Interval result)
    {
        var (lo, hi) = result;
        var (w, signed) = IntegerWidth.Of(Math.Min(lo, Math.Min(l.Lo, r.Lo)), Math.Max(hi, Math.Max(l.Hi, r.Hi)));
        var (a, b) = (At(l, w), At(r, w));
        var bits = op switch
        {
            BinaryOp.Add => c.Add(a, b),
            BinaryOp.Subtract => c.Subtract(a, b),
            _ => c.Multiply(a, b),
        };
        return Narrow(bits, signed, lo, hi);
    }

    /// <summary>
    /// A result of <paramref name="bits"/> whose value lies in lo..hi: the overflow error when that
    /// interval leaves 32 bits, and the bits cut to the width of the interval within 32 bits.
    /// </summary>
    private AigValue Narrow(int[] bits, bool signed, long lo, long hi)
    {
        // The interval's low end marks the bits as two's complement when they are.
        var error = Outside(new AigWord(bits, signed ? Math.Min(lo, -1) : lo, hi), IntMin, IntMax);
        var (clo, chi) = (Math.Max(lo, IntMin), Math.Min(hi, IntMax));
        var width = IntegerWidth.Of(clo, chi).Width;
        return new AigValue(new AigWord(WordCircuits.Resize(bits, width, signed), clo, chi).Tightened(), error);
    }

    private AigValue Divide(BinaryOp op, AigWord l, AigWord r)
    {
        var zero = r.Lo > 0 || r.Hi < 0 ? Aig.False : c.IsZero(r.Bits);
        var (lo, hi) = Interval.Of(op, l.Range, r.Range);
        var (w, signed) = IntegerWidth.Of(Math.Min(lo, Math.Min(l.Lo, r.Lo)), Math.Max(hi, Math.Max(l.Hi, r.Hi)));
        var (a, b) = (At(l, w), At(r, w));

        // Magnitudes as unsigned words of the same width (|least value| still fits unsigned),
        // divided, then given the C signs: the quotient's by the operands', the remainder's by the dividend's.
        var (sa, sb) = signed ? (a[^1], b[^1]) : (Aig.False, Aig.False);
        var (ma, mb) = (c.Mux(sa, c.Negate(a), a), c.Mux(sb, c.Negate(b), b));
        var (q, rem) = c.DivideUnsigned(ma, mb);
        var result = op == BinaryOp.Divide ? c.Mux(g.Xor(sa, sb), c.Negate(q), q) : c.Mux(sa, c.Negate(rem), rem);
        var value = Narrow(result, signed, lo, hi);
        return value with { Error = g.Or(value.Error, zero) };
    }

    private int Negative(AigWord v) => v.Lo >= 0 ? Aig.False : v.Hi < 0 ? Aig.True : v.Bits[^1];

    /// <summary>band, bor, bxor on non-negative operands, bit by bit at the width of the larger.</summary>
    private AigValue Bitwise(BinaryOp op, AigWord l, AigWord r)
    {
        var error = g.Or(Negative(l), Negative(r));
        var w = IntegerWidth.Of(0, Math.Max(Math.Max(0, l.Hi), Math.Max(0, r.Hi))).Width;
        var (a, b) = (At(l, w), At(r, w));
        var bits = new int[w];
        for (var i = 0; i < w; i++)
        {
            bits[i] = op switch
            {
                BinaryOp.BitAnd => g.And(a[i], b[i]),
                BinaryOp.BitOr => g.Or(a[i], b[i]),
                _ => g.Xor(a[i], b[i]),
            };
        }

        var hi = Interval.Of(op, l.Range, r.Range).Hi;
        return new AigValue(new AigWord(WordCircuits.Resize(bits, IntegerWidth.Of(0, hi).Width, false), 0, hi).Tightened(), error);
    }

    private AigValue ShiftLeft(AigWord x, AigWord y)
    {
        var error = g.Or(Negative(x), Negative(y));
        var hi = Math.Max(0, x.Hi);
        var xs = At(x, IntegerWidth.Of(0, hi).Width);
        var nonZero = Aig.Not(c.IsZero(xs));
        if (y.Const is { } k)
        {
            if (k >= 31)
            {
                // Any non-zero value shifted by 31 or more leaves 32 bits.
                return new AigValue(AigWord.Constant(0), g.Or(error, nonZero));
            }

            var s = (int)Math.Max(0, k);
            var value = Narrow([.. new int[s], .. xs], false, 0, hi << s);
            return value with { Error = g.Or(error, value.Error) };
        }

        // A symbolic count: a barrel shifter as wide as the largest shift under 31 needs.
        var most = (int)Math.Clamp(y.Hi, 0, 30);
        var count = At(y, IntegerWidth.Of(0, Math.Max(0, y.Hi)).Width);
        var big = y.Hi < 31 ? Aig.False : Aig.Not(c.Less(count, At(AigWord.Constant(31), count.Length), false));
        var shifted = c.ShiftLeft(WordCircuits.Resize(xs, xs.Length + most, false), count);
        var result = Narrow(c.Mux(big, new int[shifted.Length], shifted), false, 0, hi << most);
        return result with { Error = g.OrAll([error, result.Error, g.And(big, nonZero)]) };
    }

    private AigValue ShiftRight(AigWord x, AigWord y)
    {
        var error = g.Or(Negative(x), Negative(y));
        var hi = Math.Max(0, x.Hi);
        var xs = At(x, IntegerWidth.Of(0, hi).Width);
        if (y.Const is { } k)
        {
            if (k >= xs.Length || k >= 31)
            {
                return new AigValue(AigWord.Constant(0), error);
            }

            var s = (int)Math.Max(0, k);
            return new AigValue(new AigWord(WordCircuits.Resize(xs[s..], IntegerWidth.Of(0, hi >> s).Width, false), 0, hi >> s).Tightened(), error);
        }

        // Counts at least as wide as x give 0, and x is below 2^31: so do counts of 31 and more.
        var count = At(y, IntegerWidth.Of(0, Math.Max(0, y.Hi)).Width);
        return new AigValue(new AigWord(c.ShiftRight(xs, count), 0, hi).Tightened(), error);
    }
}
