using System.Globalization;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// SMT-LIB terms for '/', '%' and the bit operators, with the conditions under which
/// <see cref="IntegerOps"/> raises a model error. SMT-LIB's <c>div</c> and <c>mod</c> are
/// Euclidean (the remainder is never negative), C's are truncating; the two agree on a
/// non-negative dividend whatever the divisor's sign, so a negative dividend is negated first
/// and the result negated back. Shifts are ite chains over the 31 counts that matter, which
/// keeps them linear; and, or and xor go through bit-vectors as wide as the operands' interval,
/// exact for the non-negative operands on which they are defined. The operands' intervals
/// (<see cref="Interval"/>) drop the checks they rule out, and turn '%' and '/' by a positive
/// constant of a small non-negative dividend into a few comparisons: Spacer's model-based
/// projection handles <c>mod</c> poorly (a ticket lock's <c>(next + 1) % 2</c> took it 42 s
/// instead of 0.6 s).
/// </summary>
internal static class IntegerOperators
{
    private const string TwoTo31 = "2147483648";

    // A dividend of at most this many multiples of the divisor becomes comparisons.
    private const int MostQuotient = 4;

    public static SmtValue Translate(BinaryOp op, SmtValue l, SmtValue r, string operandError)
    {
        if (l.Const is { } a && r.Const is { } b)
        {
            // Constant operands fold with the evaluator's own definition, errors included.
            return IntegerOps.Apply(op, a, b, out var value) is null
                ? SmtArithmetic.Int.Constant(IntType.Instance, value) with { Error = operandError }
                : new SmtValue("0", True, null);
        }

        var x = l.Term;
        var y = r.Term;
        string term;
        string error;
        Interval range;
        switch (op)
        {
            case BinaryOp.Divide:
                range = Interval.Of(op, l.Range, r.Range);
                term = Truncating(op, l, r);
                error = Or(ZeroDivisor(r), range.Fits32 ? False : Overflows(term));
                break;
            case BinaryOp.Modulo:
                // |x % y| < |y|: never an overflow.
                range = Interval.Of(op, l.Range, r.Range);
                term = Truncating(op, l, r);
                error = ZeroDivisor(r);
                break;
            case BinaryOp.ShiftLeft:
            {
                var most = Math.Clamp(r.Hi, 0, 31);
                range = new Interval(0, Math.Max(0, l.Hi) << (int)most);
                term = ShiftLeft(x, y, r.Const, r.Range);
                error = Or(Negative(l), Negative(r), range.Fits32 ? False : Overflows(term));
                break;
            }

            case BinaryOp.ShiftRight:
                range = new Interval(0, Math.Max(0, l.Hi));
                term = ShiftRight(x, y, r.Const, r.Range);
                error = Or(Negative(l), Negative(r));
                break;
            default:
                range = Interval.Of(op, l.Range, r.Range);
                var function = op switch
                {
                    BinaryOp.BitAnd => "bvand",
                    BinaryOp.BitOr => "bvor",
                    _ => "bvxor",
                };
                // Wide enough for both non-negative operands (a negative one is an error already).
                var w = Math.Min(32, IntegerWidth.Of(0, Math.Max(Math.Max(0, l.Hi), Math.Max(0, r.Hi))).Width);
                term = $"(bv2nat ({function} ((_ int2bv {w}) {x}) ((_ int2bv {w}) {y})))";
                error = Or(Negative(l), Negative(r));
                break;
        }

        // Evaluation stops at an operand's error, so this operator's own error adds to it.
        var clipped = range.Clipped;
        return SmtValue.Of(term, Or(operandError, error)) with { Lo = clipped.Lo, Hi = clipped.Hi };
    }

    /// <summary>C's '/' or '%' through SMT-LIB's Euclidean div and mod, on the dividend's magnitude.</summary>
    private static string Truncating(BinaryOp op, SmtValue l, SmtValue r)
    {
        if (l.Lo >= 0)
        {
            return OfNonNegative(op, l.Term, l.Hi, r);
        }

        // The magnitude of a dividend that is never positive; its sign goes back on the result.
        var negated = $"(- {OfNonNegative(op, $"(- {l.Term})", -l.Lo, r)})";
        if (l.Hi <= 0)
        {
            return negated;
        }

        var function = op == BinaryOp.Divide ? "div" : "mod";
        return $"(ite (>= {l.Term} 0) ({function} {l.Term} {r.Term}) (- ({function} (- {l.Term}) {r.Term})))";
    }

    /// <summary>
    /// x / y or x % y for x in 0..<paramref name="hi"/>: by a positive constant m with
    /// x &lt; <see cref="MostQuotient"/> * m, comparisons of x with m, 2m, ...; else div or mod.
    /// </summary>
    private static string OfNonNegative(BinaryOp op, string x, long hi, SmtValue r)
    {
        if (r.Const is not (> 0 and var m) || hi / m >= MostQuotient)
        {
            return $"({(op == BinaryOp.Divide ? "div" : "mod")} {x} {r.Term})";
        }

        // Quotient q where q*m <= x < (q+1)*m; the remainder is x - q*m.
        var quotients = (int)(hi / m);
        var term = op == BinaryOp.Divide ? "0" : x;
        for (var q = 1; q <= quotients; q++)
        {
            var k = (q * (long)m).ToString(CultureInfo.InvariantCulture);
            term = Ite($"(>= {x} {k})", op == BinaryOp.Divide ? Int(q) : $"(- {x} {k})", term);
        }

        return term;
    }

    private static string ShiftLeft(string x, string y, int? count, Interval counts)
    {
        if (count is { } c)
        {
            return $"(* {x} {Power(c)})";
        }

        // Counts of 31 and more give x * 2^31: zero for x = 0, an overflow otherwise.
        var (first, last) = (Math.Max(0, counts.Lo), Math.Min(30, counts.Hi));
        var term = counts.Hi >= 31 ? $"(* {x} {TwoTo31})" : Shifted(x, last);
        for (var k = counts.Hi >= 31 ? last : last - 1; k >= first; k--)
        {
            term = Ite(Eq(y, Int((int)k)), Shifted(x, k), term);
        }

        return term;
    }

    private static string Shifted(string x, long k) => k <= 0 ? x : $"(* {x} {Power((int)k)})";

    private static string ShiftRight(string x, string y, int? count, Interval counts)
    {
        if (count is { } c)
        {
            return c >= 31 ? "0" : c == 0 ? x : $"(div {x} {Power(c)})";
        }

        // A non-negative 32-bit value shifted by 31 or more is 0.
        var (first, last) = (Math.Max(0, counts.Lo), Math.Min(30, counts.Hi));
        var term = counts.Hi >= 31 ? "0" : Quotient(x, last);
        for (var k = counts.Hi >= 31 ? last : last - 1; k >= first; k--)
        {
            term = Ite(Eq(y, Int((int)k)), Quotient(x, k), term);
        }

        return term;
    }

    private static string Quotient(string x, long k) => k <= 0 ? x : $"(div {x} {Power((int)k)})";

    // A negative count is an error already; its term only has to be well-formed.
    private static string Power(int k) => k < 0 ? "0" : k >= 31 ? TwoTo31 : (1L << k).ToString(CultureInfo.InvariantCulture);

    private static string Negative(SmtValue v) => v.Lo >= 0 ? False : v.Hi < 0 ? True : $"(< {v.Term} 0)";

    private static string ZeroDivisor(SmtValue divisor) => divisor.Range.Contains(0) ? Eq(divisor.Term, "0") : False;

    private static string Overflows(string term) => $"(or (< {term} (- 2147483648)) (> {term} 2147483647))";
}
