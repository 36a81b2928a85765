using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// The translation of one expression: its SMT term, the condition under which evaluating it
/// raises a model error (an index out of range), and its value when that is known while
/// translating (constants, <c>for</c> and quantifier variables), which keeps indices concrete.
/// An integer also carries the interval its value lies in when no error is raised
/// (<see cref="Lo"/>..<see cref="Hi"/>): the bit-vector encoding sizes its term by it
/// (see <see cref="BitVectorArithmetic"/>).
/// </summary>
public readonly record struct SmtValue(string Term, string Error, int? Const)
{
    /// <summary>The least value the term may have (32-bit range when unknown).</summary>
    public long Lo { get; init; } = int.MinValue;

    /// <summary>The greatest value the term may have.</summary>
    public long Hi { get; init; } = int.MaxValue;

    /// <summary>The interval <see cref="Lo"/>..<see cref="Hi"/>.</summary>
    public Interval Range => new(Lo, Hi);

    /// <summary>A Bool term (or an integer term of the Int encoding, of unknown range).</summary>
    public static SmtValue Of(string term, string error = SmtTerms.False) => new(term, error, null);
}
