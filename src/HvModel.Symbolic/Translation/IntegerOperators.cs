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
/// keeps them linear; and, or and xor go through 32-bit vectors, exact for the non-negative
/// 31-bit operands on which they are defined.
/// </summary>
internal static class IntegerOperators
{
    private const string TwoTo31 = "2147483648";

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
        switch (op)
        {
            case BinaryOp.Divide:
                term = Truncating("div", x, y, l.Const);
                error = Or(Eq(y, "0"), Overflows(term));
                break;
            case BinaryOp.Modulo:
                // |x % y| < |y|: never an overflow.
                term = Truncating("mod", x, y, l.Const);
                error = Eq(y, "0");
                break;
            case BinaryOp.ShiftLeft:
                term = ShiftLeft(x, y, r.Const);
                error = Or(Negative(x), Negative(y), Overflows(term));
                break;
            case BinaryOp.ShiftRight:
                term = ShiftRight(x, y, r.Const);
                error = Or(Negative(x), Negative(y));
                break;
            default:
                var function = op switch
                {
                    BinaryOp.BitAnd => "bvand",
                    BinaryOp.BitOr => "bvor",
                    _ => "bvxor",
                };
                term = $"(bv2nat ({function} ((_ int2bv 32) {x}) ((_ int2bv 32) {y})))";
                error = Or(Negative(x), Negative(y));
                break;
        }

        // Evaluation stops at an operand's error, so this operator's own error adds to it.
        return SmtValue.Of(term, Or(operandError, error));
    }

    private static string Truncating(string function, string x, string y, int? constantX) => constantX switch
    {
        >= 0 => $"({function} {x} {y})",
        < 0 => $"(- ({function} (- {x}) {y}))",
        _ => $"(ite (>= {x} 0) ({function} {x} {y}) (- ({function} (- {x}) {y})))",
    };

    private static string ShiftLeft(string x, string y, int? count)
    {
        if (count is { } c)
        {
            return $"(* {x} {Power(c)})";
        }

        // Counts of 31 and more give x * 2^31: zero for x = 0, an overflow otherwise.
        var term = $"(* {x} {TwoTo31})";
        for (var k = 30; k >= 0; k--)
        {
            term = Ite(Eq(y, Int(k)), k == 0 ? x : $"(* {x} {Power(k)})", term);
        }

        return term;
    }

    private static string ShiftRight(string x, string y, int? count)
    {
        if (count is { } c)
        {
            return c >= 31 ? "0" : c == 0 ? x : $"(div {x} {Power(c)})";
        }

        // A non-negative 32-bit value shifted by 31 or more is 0.
        var term = "0";
        for (var k = 30; k >= 0; k--)
        {
            term = Ite(Eq(y, Int(k)), k == 0 ? x : $"(div {x} {Power(k)})", term);
        }

        return term;
    }

    // A negative count is an error already; its term only has to be well-formed.
    private static string Power(int k) => k < 0 ? "0" : k >= 31 ? TwoTo31 : (1L << k).ToString(CultureInfo.InvariantCulture);

    private static string Negative(string x) => $"(< {x} 0)";

    private static string Overflows(string term) => $"(or (< {term} (- 2147483648)) (> {term} 2147483647))";
}
