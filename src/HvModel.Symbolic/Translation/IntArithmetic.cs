using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// Integers as SMT-LIB Ints: a bounded value is an Int with its range asserted, arithmetic is
/// linear integer arithmetic, and a result outside 32 bits is the evaluator's overflow error.
/// '/', '%' and the bit operators are <see cref="IntegerOperators"/>. Every integer carries
/// its <see cref="Interval"/>: checks it rules out (an overflow of x + 1 for x in 0..3, an
/// equality with a value out of range) are not written, so the solver never meets them.
/// </summary>
internal sealed class IntArithmetic : SmtArithmetic
{
    public override string Name => "int";

    // Mixed: the bit operators reach bit-vectors through int2bv and bv2nat.
    public override string? Logic => null;

    public override string Sort(ScalarType type) => type is BoolType ? "Bool" : "Int";

    public override string SortOf(SmtValue value, HvType type) => type is BoolType ? "Bool" : "Int";

    public override SmtValue Constant(HvType type, int value) =>
        new(type is BoolType ? Bool(value != 0) : Int(value), False, value) { Lo = value, Hi = value };

    public override SmtValue Var(ScalarType type, string term) =>
        new(term, False, null) { Lo = type.ValueAt(0), Hi = type.ValueAt(type.Count - 1) };

    public override string InRange(ScalarType type, string term)
    {
        if (type is BoolType)
        {
            return True;
        }

        var lo = type.ValueAt(0);
        var hi = type.ValueAt(type.Count - 1);
        return lo == hi ? Eq(term, Int(lo)) : $"(and (<= {Int(lo)} {term}) (<= {term} {Int(hi)}))";
    }

    public override string OutOfRange(ScalarType to, SmtValue value) => Not(InRange(to, value.Term));

    public override SmtValue Fit(ScalarType to, SmtValue value) =>
        value.Const is { } c && to.OrdinalOf(c) >= 0 ? Constant(to, c) with { Lo = to.ValueAt(0), Hi = to.ValueAt(to.Count - 1) }
        : Var(to, value.Term) with { Const = value.Const };

    protected override string EqualsValue(SmtValue value, int literal) =>
        value.Range.Contains(literal) ? Eq(value.Term, Int(literal)) : False;

    public override string Compare(BinaryOp op, SmtValue l, SmtValue r) => Decided(op, l.Range, r.Range) ?? op switch
    {
        BinaryOp.Equal => Eq(l.Term, r.Term),
        BinaryOp.NotEqual => Not(Eq(l.Term, r.Term)),
        BinaryOp.Less => $"(< {l.Term} {r.Term})",
        BinaryOp.LessEqual => $"(<= {l.Term} {r.Term})",
        BinaryOp.Greater => $"(> {l.Term} {r.Term})",
        BinaryOp.GreaterEqual => $"(>= {l.Term} {r.Term})",
        _ => throw new InvalidOperationException(op.ToString()),
    };

    /// <summary>A comparison that the operands' intervals decide: true or false, else null.</summary>
    private static string? Decided(BinaryOp op, Interval l, Interval r)
    {
        bool? holds = op switch
        {
            BinaryOp.Equal or BinaryOp.NotEqual when l.Hi < r.Lo || r.Hi < l.Lo => op == BinaryOp.NotEqual,
            BinaryOp.Less when l.Hi < r.Lo || l.Lo >= r.Hi => l.Hi < r.Lo,
            BinaryOp.LessEqual when l.Hi <= r.Lo || l.Lo > r.Hi => l.Hi <= r.Lo,
            BinaryOp.Greater when l.Lo > r.Hi || l.Hi <= r.Lo => l.Lo > r.Hi,
            BinaryOp.GreaterEqual when l.Lo >= r.Hi || l.Hi < r.Lo => l.Lo >= r.Hi,
            _ => null,
        };
        return holds is { } h ? Bool(h) : null;
    }

    public override SmtValue Arithmetic(BinaryOp op, SmtValue l, SmtValue r)
    {
        string term;
        switch (op)
        {
            case BinaryOp.Add:
                term = $"(+ {l.Term} {r.Term})";
                break;
            case BinaryOp.Subtract:
                term = $"(- {l.Term} {r.Term})";
                break;
            case BinaryOp.Multiply:
                term = $"(* {l.Term} {r.Term})";
                break;
            default:
                return IntegerOperators.Translate(op, l, r, False);
        }

        return Exact(term, Interval.Of(op, l.Range, r.Range));
    }

    public override SmtValue Negate(SmtValue value) => Exact($"(- {value.Term})", value.Range.Negated);

    /// <summary>
    /// A result whose exact values lie in <paramref name="range"/>: values are 32-bit in the
    /// evaluator, so a result outside that range is a model error there, checked only on the
    /// side where the interval leaves it.
    /// </summary>
    private static SmtValue Exact(string term, Interval range)
    {
        var below = range.Lo < int.MinValue ? $"(< {term} (- 2147483648))" : False;
        var above = range.Hi > int.MaxValue ? $"(> {term} 2147483647)" : False;
        var clipped = range.Clipped;
        return SmtValue.Of(term, Or(below, above)) with { Lo = clipped.Lo, Hi = clipped.Hi };
    }

    public override SmtValue Ite(string condition, SmtValue then, SmtValue otherwise)
    {
        var range = then.Range.Join(otherwise.Range);
        return SmtValue.Of(SmtTerms.Ite(condition, then.Term, otherwise.Term)) with { Lo = range.Lo, Hi = range.Hi };
    }

    public override SmtValue Count(IReadOnlyList<string> conditions)
    {
        var terms = conditions.Select(b => SmtTerms.Ite(b, "1", "0")).Where(t => t != "0").ToList();
        var sum = terms.Count switch
        {
            0 => "0",
            1 => terms[0],
            _ => $"(+ {string.Join(' ', terms)})",
        };
        return SmtValue.Of(sum) with { Lo = 0, Hi = conditions.Count };
    }

    public override int Decode(ScalarType type, Sexp value) => value.ToValue();

    public override int DecodeValue(SmtValue translated, Sexp value) => value.ToValue();
}
