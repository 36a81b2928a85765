using System.Globalization;

namespace HvModel.Export.Promela;

/// <summary>
/// An expression as the Promela writer writes it: its text, and its value when the value is
/// known while writing (parameters, unrolled loop variables and fixed choices are literals,
/// hunks and constants are folded). A known value lets the writer drop dead branches and
/// checks that cannot fail, which is what keeps a step's text small. <see cref="MayFail"/> tells
/// whether evaluating it may be a model error in HvModel (an index or an arithmetic result out
/// of range), so that the writer drops it only where HvModel could not fail on it either.
/// </summary>
internal readonly record struct PromelaCode(string Text, int? Value, bool MayFail)
{
    public static PromelaCode Known(int value) => new(Literal(value), value, false);

    public static PromelaCode Runtime(string text, bool mayFail) => new(text, null, mayFail);

    public static readonly PromelaCode True = Known(1);

    public static readonly PromelaCode False = Known(0);

    public bool IsKnown => Value.HasValue;

    /// <summary>Known to hold (non-zero).</summary>
    public bool IsTrue => Value is { } v && v != 0;

    /// <summary>Known not to hold (zero).</summary>
    public bool IsFalse => Value is 0;

    /// <summary>
    /// <c>!</c> before a written expression. SPIN reads <c>!!</c> as a channel send (a syntax
    /// error in an expression), so a negation of a negation is bracketed.
    /// </summary>
    public static string Negate(string text) => text.StartsWith('!') ? $"!({text})" : $"!{text}";

    /// <summary>A value as Promela reads it: a negative one in brackets, so that it binds inside any operator.</summary>
    public static string Literal(int value) => value < 0 ? $"({value})" : value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}
