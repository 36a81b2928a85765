using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// How integers (bounded ranges, enums, scalarset members, arithmetic) become SMT terms: the
/// one choice of encoding that every piece of the translation asks. Bools are Bool in every
/// encoding. <see cref="IntArithmetic"/> gives unbounded Ints with range constraints (what
/// Spacer's arithmetic reasons about); <see cref="BitVectorArithmetic"/> gives each value a
/// bit-vector as wide as its interval (what z3's SAT core handles best, a flags word costing
/// its bits). Each implementation raises the evaluator's model errors exactly (32-bit overflow,
/// zero divisors, negative bit operands) and agrees with it on every value.
/// </summary>
public abstract class SmtArithmetic
{
    public static SmtArithmetic Int { get; } = new IntArithmetic();

    public static SmtArithmetic BitVector { get; } = new BitVectorArithmetic();

    /// <summary>"int" or "bv", as <c>HVMODEL_SMT_ENCODING</c> names them.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The SMT-LIB logic of every term this encoding writes, for a solver that holds nothing
    /// else (an unrolled path); null when none is narrower than z3's default. A logic matters to
    /// z3: under QF_BV an incremental session is bit-blasted into its SAT solver, without one it
    /// runs the general SMT core (3.8 times slower on v3's bmc to depth 12).
    /// </summary>
    public abstract string? Logic { get; }

    /// <summary>
    /// The encoding chosen by <c>HVMODEL_SMT_ENCODING</c> (int or bv), for measurements; null
    /// when unset, and then each engine uses its own (see bench/symbolic-encoding.md).
    /// </summary>
    public static SmtArithmetic? FromEnvironment() => Environment.GetEnvironmentVariable("HVMODEL_SMT_ENCODING") switch
    {
        "int" => Int,
        "bv" => BitVector,
        null or "" => null,
        var other => throw new ArgumentException($"HVMODEL_SMT_ENCODING must be int or bv, not '{other}'"),
    };

    /// <summary>The sort of a value of <paramref name="type"/>.</summary>
    public abstract string Sort(ScalarType type);

    /// <summary>The sort of <paramref name="value"/>'s term (a <c>let</c>-bound name).</summary>
    public abstract string SortOf(SmtValue value, HvType type);

    /// <summary>A literal value of an expression.</summary>
    public abstract SmtValue Constant(HvType type, int value);

    /// <summary>A term that holds a value of <paramref name="type"/> (a state slot, a parameter, a choice).</summary>
    public abstract SmtValue Var(ScalarType type, string term);

    /// <summary>The constraint that keeps a term of <see cref="Sort"/> inside <paramref name="type"/>.</summary>
    public abstract string InRange(ScalarType type, string term);

    /// <summary>When <paramref name="value"/> lies outside <paramref name="to"/> (a range check).</summary>
    public abstract string OutOfRange(ScalarType to, SmtValue value);

    /// <summary><paramref name="value"/> as a term of <paramref name="to"/>'s sort; right when it lies inside <paramref name="to"/>.</summary>
    public abstract SmtValue Fit(ScalarType to, SmtValue value);

    /// <summary><paramref name="value"/>, of <paramref name="type"/>, equals <paramref name="literal"/>.</summary>
    public string EqualsValue(SmtValue value, ScalarType type, int literal) =>
        type is BoolType ? (value.Const is { } c ? SmtTerms.Bool((c != 0) == (literal != 0)) : literal != 0 ? value.Term : SmtTerms.Not(value.Term))
        : EqualsValue(value, literal);

    /// <summary>The integer <paramref name="value"/> equals <paramref name="literal"/>.</summary>
    protected abstract string EqualsValue(SmtValue value, int literal);

    /// <summary>A comparison of two integers: Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual.</summary>
    public abstract string Compare(BinaryOp op, SmtValue l, SmtValue r);

    /// <summary>An arithmetic operator on integers; the result's Error is the operator's own (overflow, zero divisor, negative bit operand).</summary>
    public abstract SmtValue Arithmetic(BinaryOp op, SmtValue l, SmtValue r);

    /// <summary>Unary minus; the Error is the overflow of negating the least 32-bit value.</summary>
    public abstract SmtValue Negate(SmtValue value);

    /// <summary>An integer chosen by a condition.</summary>
    public abstract SmtValue Ite(string condition, SmtValue then, SmtValue otherwise);

    /// <summary>How many of the Bool terms are true.</summary>
    public abstract SmtValue Count(IReadOnlyList<string> conditions);

    /// <summary>The value of <paramref name="type"/> that a solver's model gives for a term of its sort.</summary>
    public abstract int Decode(ScalarType type, Sexp value);

    /// <summary>The value a solver's model gives for the term of <paramref name="translated"/> (a Bool, or an integer of its interval).</summary>
    public abstract int DecodeValue(SmtValue translated, Sexp value);
}
