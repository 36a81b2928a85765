using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove.Inference;

/// <summary>
/// An atom of the template grammar, evaluated per (state, assignment of the quantified
/// variables): a bool state term, an equality of two terms of one scalarset, or a "slot": a
/// state term of a small finite type (an enum, a short range), whose literal in a clause is
/// membership in a set of its values.
/// </summary>
public abstract record Atom
{
    public abstract IEnumerable<QuantVar> Vars();

    /// <summary>Its value over the states of a configuration (0/1 for a bool atom, the value's ordinal for a slot).</summary>
    public abstract Func<int[], int[], int> Compile(Model model);
}

public sealed record BoolAtom(StateTerm Term) : Atom
{
    public override IEnumerable<QuantVar> Vars() => Term.Vars();

    public override Func<int[], int[], int> Compile(Model model) => Term.Compile(model);

    public string Smt(string prefix) => Term.Smt(prefix);
}

public sealed record EqAtom(TemplateTerm Left, TemplateTerm Right) : Atom
{
    public override IEnumerable<QuantVar> Vars() => Left.Vars().Concat(Right.Vars());

    public override Func<int[], int[], int> Compile(Model model)
    {
        var l = Left.Compile(model);
        var r = Right.Compile(model);
        return (s, a) => l(s, a) == r(s, a) ? 1 : 0;
    }

    public string Smt(string prefix) => $"(= {Left.Smt(prefix)} {Right.Smt(prefix)})";
}

/// <summary>A state term of a small finite type; its values are counted by ordinal.</summary>
public sealed record SlotAtom(StateTerm Term) : Atom
{
    public ScalarType Type => Term.Type;

    public override IEnumerable<QuantVar> Vars() => Term.Vars();

    public override Func<int[], int[], int> Compile(Model model)
    {
        var t = Term.Compile(model);
        var type = Type;
        return (s, a) => type.OrdinalOf(t(s, a));
    }

    /// <summary>The literal "the term has the value of ordinal <paramref name="ordinal"/>".</summary>
    public string Smt(string prefix, int ordinal) => $"(= {Term.Smt(prefix)} {ProveVocabulary.Literal(Type, Type.ValueAt(ordinal))})";
}
