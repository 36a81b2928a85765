using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// The translation of one expression: its SMT term, the condition under which evaluating it
/// raises a model error (an index out of range), and its value when that is known while
/// translating (constants, <c>for</c> and quantifier variables), which keeps indices concrete.
/// </summary>
public readonly record struct SmtValue(string Term, string Error, int? Const)
{
    public static SmtValue Of(string term, string error = SmtTerms.False) => new(term, error, null);

    public static SmtValue Constant(HvType type, int value) => new(SmtTerms.Literal(type, value), SmtTerms.False, value);
}
