using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// Integers as bit-vectors sized by their intervals: every integer term is as wide as the
/// interval of values it may take (<see cref="SmtValue.Lo"/>..<see cref="SmtValue.Hi"/>) needs,
/// unsigned when the interval has no negative value, two's complement otherwise. A state slot
/// of type 0 .. 3 is 2 bits, an enum of 3 members 2 bits, a scalarset of 2 members 1 bit. An
/// operation is computed at the width its operands and its exact result need (at most 64
/// bits, since operands are 32-bit), so nothing wraps, and the evaluator's 32-bit overflow is
/// a comparison at that width; the result is then narrowed to its own interval. Division and
/// remainder are SMT-LIB's truncating <c>bvsdiv</c>/<c>bvsrem</c>, C's own; the bit operators
/// are bitwise (a flags word costs what its bits cost), constant shifts are wiring.
/// </summary>
internal sealed class BitVectorArithmetic : SmtArithmetic
{
    private const long IntMin = int.MinValue;
    private const long IntMax = int.MaxValue;

    public override string Name => "bv";

    public override string? Logic => "QF_BV";

    /// <summary>The width and signedness of terms whose values lie in <paramref name="lo"/>..<paramref name="hi"/>.</summary>
    public static (int Width, bool Signed) Repr(long lo, long hi) => IntegerWidth.Of(lo, hi);

    public override string Sort(ScalarType type) => type is BoolType ? "Bool" : BitVecSort(Repr(Lo(type), Hi(type)).Width);

    public override string SortOf(SmtValue value, HvType type) => type is BoolType ? "Bool" : BitVecSort(Repr(value.Lo, value.Hi).Width);

    public override SmtValue Constant(HvType type, int value) => type is BoolType
        ? new SmtValue(Bool(value != 0), False, value)
        : new SmtValue(Literal(value, Repr(value, value).Width), False, value) { Lo = value, Hi = value };

    public override SmtValue Var(ScalarType type, string term) => new(term, False, null) { Lo = Lo(type), Hi = Hi(type) };

    public override string InRange(ScalarType type, string term)
    {
        if (type is BoolType)
        {
            return True;
        }

        var (lo, hi) = (Lo(type), Hi(type));
        var (w, signed) = Repr(lo, hi);
        var (least, greatest) = signed ? (-(1L << (w - 1)), (1L << (w - 1)) - 1) : (0L, w == 64 ? long.MaxValue : (1L << w) - 1);
        var bounds = new List<string>();
        if (lo > least)
        {
            bounds.Add($"({(signed ? "bvsle" : "bvule")} {Literal(lo, w)} {term})");
        }

        if (hi < greatest)
        {
            bounds.Add($"({(signed ? "bvsle" : "bvule")} {term} {Literal(hi, w)})");
        }

        return And(bounds);
    }

    public override string OutOfRange(ScalarType to, SmtValue value)
    {
        var (lo, hi) = (Lo(to), Hi(to));
        if (value.Lo >= lo && value.Hi <= hi)
        {
            return False;
        }

        var (w, signed) = Repr(Math.Min(lo, value.Lo), Math.Max(hi, value.Hi));
        var v = Convert(value, w);
        var outside = new List<string>();
        if (value.Lo < lo)
        {
            outside.Add($"({(signed ? "bvslt" : "bvult")} {v} {Literal(lo, w)})");
        }

        if (value.Hi > hi)
        {
            outside.Add($"({(signed ? "bvslt" : "bvult")} {Literal(hi, w)} {v})");
        }

        return Or(outside);
    }

    public override SmtValue Fit(ScalarType to, SmtValue value)
    {
        if (to is BoolType)
        {
            return value;
        }

        var (w, _) = Repr(Lo(to), Hi(to));
        var term = value.Const is { } c ? Literal(to.OrdinalOf(c) >= 0 ? c : to.ValueAt(0), w) : Convert(value, w);
        return new SmtValue(term, value.Error, value.Const) { Lo = Lo(to), Hi = Hi(to) };
    }

    protected override string EqualsValue(SmtValue value, int literal)
    {
        if (value.Const is { } c)
        {
            return Bool(c == literal);
        }

        return literal < value.Lo || literal > value.Hi ? False : Eq(value.Term, Literal(literal, Repr(value.Lo, value.Hi).Width));
    }

    public override string Compare(BinaryOp op, SmtValue l, SmtValue r)
    {
        if (op is BinaryOp.Equal or BinaryOp.NotEqual && (l.Hi < r.Lo || r.Hi < l.Lo))
        {
            return Bool(op == BinaryOp.NotEqual);
        }

        var (w, signed) = Repr(Math.Min(l.Lo, r.Lo), Math.Max(l.Hi, r.Hi));
        var (a, b) = (Convert(l, w), Convert(r, w));
        var s = signed ? "bvs" : "bvu";
        return op switch
        {
            BinaryOp.Equal => Eq(a, b),
            BinaryOp.NotEqual => Not(Eq(a, b)),
            BinaryOp.Less => $"({s}lt {a} {b})",
            BinaryOp.LessEqual => $"({s}le {a} {b})",
            BinaryOp.Greater => $"({s}gt {a} {b})",
            BinaryOp.GreaterEqual => $"({s}ge {a} {b})",
            _ => throw new InvalidOperationException(op.ToString()),
        };
    }

    public override SmtValue Arithmetic(BinaryOp op, SmtValue l, SmtValue r)
    {
        switch (op)
        {
            case BinaryOp.Add:
                return Exact("bvadd", l, r, Interval.Of(op, l.Range, r.Range));
            case BinaryOp.Subtract:
                return Exact("bvsub", l, r, Interval.Of(op, l.Range, r.Range));
            case BinaryOp.Multiply:
                return Exact("bvmul", l, r, Interval.Of(op, l.Range, r.Range));
            case BinaryOp.Divide:
                return WithError(Exact(l.Lo >= 0 && r.Lo >= 0 ? "bvudiv" : "bvsdiv", l, r, Interval.Of(op, l.Range, r.Range)), ZeroDivisor(r));
            case BinaryOp.Modulo:
                return WithError(Exact(l.Lo >= 0 && r.Lo >= 0 ? "bvurem" : "bvsrem", l, r, Interval.Of(op, l.Range, r.Range)), ZeroDivisor(r));
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

    public override SmtValue Negate(SmtValue value) => Exact("bvsub", Constant(IntType.Instance, 0), value, value.Range.Negated);

    public override SmtValue Ite(string condition, SmtValue then, SmtValue otherwise)
    {
        var (lo, hi) = (Math.Min(then.Lo, otherwise.Lo), Math.Max(then.Hi, otherwise.Hi));
        var w = Repr(lo, hi).Width;
        return new SmtValue(SmtTerms.Ite(condition, Convert(then, w), Convert(otherwise, w)), False, null) { Lo = lo, Hi = hi };
    }

    public override SmtValue Count(IReadOnlyList<string> conditions)
    {
        var w = Repr(0, conditions.Count).Width;
        var one = Literal(1, w);
        var zero = Literal(0, w);
        var terms = conditions.Select(b => SmtTerms.Ite(b, one, zero)).Where(t => t != zero).ToList();
        var sum = terms.Count switch
        {
            0 => zero,
            1 => terms[0],
            _ => $"(bvadd {string.Join(' ', terms)})",
        };
        return new SmtValue(sum, False, null) { Lo = 0, Hi = conditions.Count };
    }

    public override int Decode(ScalarType type, Sexp value) =>
        type is BoolType ? value.ToValue() : DecodeIn(Lo(type), Hi(type), value);

    public override int DecodeValue(SmtValue translated, Sexp value) =>
        value.Atom is "true" or "false" ? value.ToValue() : DecodeIn(translated.Lo, translated.Hi, value);

    private static int DecodeIn(long lo, long hi, Sexp value)
    {
        var (w, signed) = Repr(lo, hi);
        ulong bits;
        if (value.Atom is { } a && a.StartsWith("#b", StringComparison.Ordinal))
        {
            bits = System.Convert.ToUInt64(a[2..], 2);
        }
        else if (value.Atom is { } x && x.StartsWith("#x", StringComparison.Ordinal))
        {
            bits = ulong.Parse(x[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        else if (value.Items.Count == 3 && value.Items[0].Atom == "_" && value.Items[1].Atom is { } bv && bv.StartsWith("bv", StringComparison.Ordinal))
        {
            bits = ulong.Parse(bv[2..], CultureInfo.InvariantCulture);
        }
        else
        {
            throw new FormatException($"not a bit-vector value: {value}");
        }

        var v = signed && w < 64 && (bits & (1UL << (w - 1))) != 0 ? (long)bits - (1L << w) : (long)bits;
        return checked((int)v);
    }

    /// <summary>
    /// A binary operator computed exactly: at a width that holds both operands and every
    /// value of <paramref name="result"/>; a result outside 32 bits is the
    /// overflow error, and the value is then narrowed to its interval within 32 bits.
    /// </summary>
    private static SmtValue Exact(string function, SmtValue l, SmtValue r, Interval result)
    {
        var (lo, hi) = result;
        var (w, signed) = Repr(Math.Min(lo, Math.Min(l.Lo, r.Lo)), Math.Max(hi, Math.Max(l.Hi, r.Hi)));
        var term = $"({function} {Convert(l, w)} {Convert(r, w)})";
        return Narrow(term, w, signed, lo, hi);
    }

    /// <summary>
    /// A term of width <paramref name="w"/> whose values lie in lo..hi: the overflow error when
    /// that interval leaves 32 bits, and the term cut to the width of its interval within 32 bits.
    /// </summary>
    private static SmtValue Narrow(string term, int w, bool signed, long lo, long hi)
    {
        var errors = new List<string>();
        var s = signed ? "bvs" : "bvu";
        if (lo < IntMin)
        {
            errors.Add($"({s}lt {term} {Literal(IntMin, w)})");
        }

        if (hi > IntMax)
        {
            errors.Add($"({s}gt {term} {Literal(IntMax, w)})");
        }

        var (clo, chi) = (Math.Max(lo, IntMin), Math.Min(hi, IntMax));
        var width = Repr(clo, chi).Width;
        if (width < w)
        {
            term = $"((_ extract {width - 1} 0) {term})";
        }

        return new SmtValue(term, Or(errors), null) { Lo = clo, Hi = chi };
    }

    private static SmtValue WithError(SmtValue v, string error) => v with { Error = Or(v.Error, error) };

    private static string ZeroDivisor(SmtValue divisor) =>
        divisor.Lo > 0 || divisor.Hi < 0 ? False : Eq(divisor.Term, Literal(0, Repr(divisor.Lo, divisor.Hi).Width));

    private static string Negative(SmtValue v) =>
        v.Lo >= 0 ? False : v.Hi < 0 ? True : $"(bvslt {v.Term} {Literal(0, Repr(v.Lo, v.Hi).Width)})";

    /// <summary>band, bor, bxor on non-negative operands, bit by bit at the width of the larger.</summary>
    private static SmtValue Bitwise(BinaryOp op, SmtValue l, SmtValue r)
    {
        var error = Or(Negative(l), Negative(r));
        var w = Repr(0, Math.Max(Math.Max(0, l.Hi), Math.Max(0, r.Hi))).Width;
        var function = op switch { BinaryOp.BitAnd => "bvand", BinaryOp.BitOr => "bvor", _ => "bvxor" };
        var term = $"({function} {Convert(l, w)} {Convert(r, w)})";
        var hi = Interval.Of(op, l.Range, r.Range).Hi;
        var width = Repr(0, hi).Width;
        if (width < w)
        {
            term = $"((_ extract {width - 1} 0) {term})";
        }

        return new SmtValue(term, error, null) { Lo = 0, Hi = hi };
    }

    private static SmtValue ShiftLeft(SmtValue x, SmtValue y)
    {
        var error = Or(Negative(x), Negative(y));
        var hi = Math.Max(0, x.Hi);
        var xw = Repr(0, hi).Width;
        var xs = Convert(x, xw);
        if (y.Const is { } c)
        {
            if (c >= 31)
            {
                // Any non-zero value shifted by 31 or more leaves 32 bits.
                return new SmtValue(Literal(0, 1), Or(error, Not(Eq(xs, Literal(0, xw)))), null) { Lo = 0, Hi = 0 };
            }

            var shifted = c <= 0 ? xs : $"(concat {xs} {Literal(0, c)})";
            return WithError(Narrow(shifted, xw + Math.Max(0, c), false, 0, hi << Math.Max(0, c)), error);
        }

        // A symbolic count: at 64 bits, where counts under 31 shift exactly.
        var count = Convert(y, 64);
        var big = y.Hi < 31 ? False : $"(bvuge {count} {Literal(31, 64)})";
        var term = SmtTerms.Ite(big, Literal(0, 64), $"(bvshl {Convert(x, 64)} {count})");
        var bigNonZero = And(big, Not(Eq(xs, Literal(0, xw))));
        var value = Narrow(term, 64, false, 0, Math.Min(hi << (int)Math.Clamp(y.Hi, 0, 30), 1L << 62));
        return value with { Error = Or(error, value.Error, bigNonZero) };
    }

    private static SmtValue ShiftRight(SmtValue x, SmtValue y)
    {
        var error = Or(Negative(x), Negative(y));
        var hi = Math.Max(0, x.Hi);
        var xw = Repr(0, hi).Width;
        if (y.Const is { } c)
        {
            if (c >= xw || c >= 31)
            {
                return new SmtValue(Literal(0, 1), error, null) { Lo = 0, Hi = 0 };
            }

            var term = c <= 0 ? Convert(x, xw) : $"((_ extract {xw - 1} {c}) {Convert(x, xw)})";
            return new SmtValue(term, error, null) { Lo = 0, Hi = hi >> Math.Max(0, c) };
        }

        // Counts at least as wide as x give 0, as bvlshr does.
        var w = Math.Max(xw, Repr(0, Math.Max(0, y.Hi)).Width);
        var shifted = $"(bvlshr {Convert(x, w)} {Convert(y, w)})";
        var width = Repr(0, hi).Width;
        return new SmtValue(width < w ? $"((_ extract {width - 1} 0) {shifted})" : shifted, error, null) { Lo = 0, Hi = hi };
    }

    /// <summary><paramref name="v"/>'s value as a term of width <paramref name="w"/>: extended by its own signedness, or cut (right when the value fits).</summary>
    private static string Convert(SmtValue v, int w)
    {
        if (v.Const is { } c)
        {
            return Literal(c, w);
        }

        var (vw, signed) = Repr(v.Lo, v.Hi);
        return vw == w ? v.Term
            : vw < w ? $"((_ {(signed ? "sign_extend" : "zero_extend")} {w - vw}) {v.Term})"
            : $"((_ extract {w - 1} 0) {v.Term})";
    }

    /// <summary>The <paramref name="w"/>-bit two's complement literal of <paramref name="value"/>.</summary>
    public static string Literal(long value, int w)
    {
        var bits = w >= 64 ? (ulong)value : (ulong)value & ((1UL << w) - 1);
        return $"(_ bv{bits.ToString(CultureInfo.InvariantCulture)} {w})";
    }

    private static string BitVecSort(int w) => $"(_ BitVec {w})";

    private static long Lo(ScalarType t) => t.ValueAt(0);

    private static long Hi(ScalarType t) => t.ValueAt(t.Count - 1);
}
