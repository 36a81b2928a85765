using HvModel.Core.Ir;

namespace HvModel.Symbolic.Printing;

/// <summary>
/// What the solver's symbols stand for in the model, for <see cref="ModelSyntaxPrinter"/>: a
/// constant (a state slot, an enum member, a distinguished member), a function (a state array,
/// applied to its indices) or a sort (a scalarset or an enum). Values of a known type print as
/// that type prints them (an enum's ordinal by its member's name).
/// </summary>
public sealed class SolverVocabulary
{
    private readonly Dictionary<string, (string Text, HvType? Type)> atoms = [];
    private readonly Dictionary<string, (string Name, HvType Type)> functions = [];
    private readonly Dictionary<string, string> sorts = [];
    private readonly HashSet<string> taken = [];

    /// <summary>A symbol printed as <paramref name="text"/>, whose values have <paramref name="type"/> (null when unknown).</summary>
    public SolverVocabulary Atom(string symbol, string text, HvType? type)
    {
        atoms[symbol] = (text, type);
        return this;
    }

    /// <summary>A function printed as array <paramref name="name"/> indexed by its arguments, of element type <paramref name="type"/>.</summary>
    public SolverVocabulary Function(string symbol, string name, HvType type)
    {
        functions[symbol] = (name, type);
        return this;
    }

    public SolverVocabulary Sort(string sort, string typeName)
    {
        sorts[sort] = typeName;
        return this;
    }

    /// <summary>A name of the model that a bound variable must not take.</summary>
    public SolverVocabulary Reserve(string name)
    {
        taken.Add(name);
        return this;
    }

    public bool TryAtom(string symbol, out string text, out HvType? type)
    {
        if (atoms.TryGetValue(symbol, out var a))
        {
            (text, type) = a;
            return true;
        }

        (text, type) = (symbol, null);
        return false;
    }

    public bool TryFunction(string symbol, out string name, out HvType? type)
    {
        if (functions.TryGetValue(symbol, out var f))
        {
            (name, type) = f;
            return true;
        }

        (name, type) = (symbol, null);
        return false;
    }

    public string SortName(string sort) => sorts.TryGetValue(sort, out var n) ? n : sort;

    public bool IsTaken(string name) => taken.Contains(name);

    /// <summary>
    /// The vocabulary of the state slots, one solver constant each (pdr's and kind's invariants):
    /// <paramref name="parameters"/>[k] is slot k.
    /// </summary>
    public static SolverVocabulary ForSlots(Model model, IReadOnlyList<string> parameters)
    {
        var vocabulary = ForModelNames(model);
        for (var k = 0; k < parameters.Count && k < model.Slots.Length; k++)
        {
            vocabulary.Atom(parameters[k], model.Slots[k].Name, model.Slots[k].Type);
        }

        return vocabulary;
    }

    /// <summary>Only the model's names, reserved for bound variables.</summary>
    public static SolverVocabulary ForModelNames(Model model)
    {
        var vocabulary = new SolverVocabulary();
        foreach (var v in model.Vars)
        {
            vocabulary.Reserve(v.Name);
        }

        foreach (var c in model.Constants)
        {
            vocabulary.Reserve(c.Name);
        }

        foreach (var e in model.Vars.Select(v => Element(v.Type)).OfType<EnumType>().Distinct())
        {
            foreach (var m in e.Members)
            {
                vocabulary.Reserve(m);
            }
        }

        return vocabulary;
    }

    private static HvType Element(HvType t) => t is ArrayType a ? Element(a.Element) : t;
}
