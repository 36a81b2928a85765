namespace HvModel.TestSupport.Generation;

/// <summary>
/// The names a generated expression or statement may use at one point of the model: state
/// variables, constants, hunks, definitions, and the locals bound around it (parameters, loop,
/// <c>any</c>, <c>let</c> and quantifier variables).
/// </summary>
public sealed class Scope
{
    public List<(string Name, GenType Type)> Variables { get; } = [];

    public List<(string Name, int Value)> Constants { get; } = [];

    public List<string> Hunks { get; } = [];

    /// <summary>Bool-valued definitions with their parameter types.</summary>
    public List<(string Name, IReadOnlyList<GenType> Parameters)> Definitions { get; } = [];

    /// <summary>Named finite types: quantifier, loop, parameter and index domains.</summary>
    public List<GenType> FiniteTypes { get; } = [];

    public List<(string Name, GenType Type)> Locals { get; } = [];

    private int fresh;

    /// <summary>A local name not used anywhere else in the model.</summary>
    public string FreshLocal(string prefix) => $"{prefix}{fresh++}";

    /// <summary>Runs <paramref name="body"/> with a local bound, then unbinds it.</summary>
    public T With<T>(string name, GenType type, Func<T> body)
    {
        Locals.Add((name, type));
        try
        {
            return body();
        }
        finally
        {
            Locals.RemoveAt(Locals.Count - 1);
        }
    }

    /// <summary>True when a value of <paramref name="have"/> can stand where <paramref name="want"/> is asked.</summary>
    public static bool Fits(GenType have, GenType want) => want switch
    {
        RangeType => have is RangeType,
        BoolType => have is BoolType,
        EnumType e => have is EnumType h && h.Text == e.Text,
        ScalarsetType s => have is ScalarsetType h && h.Text == s.Text,
        _ => false,
    };

    /// <summary>
    /// True when an expression of type <paramref name="want"/> can be written here: always for
    /// bool, integers and enums (literals), for a scalarset only when some name yields one.
    /// </summary>
    public bool CanProduce(GenType want) => want is not ScalarsetType || Locals.Any(l => Fits(l.Type, want)) || Variables.Any(v => Yields(v.Type, want, 0));

    // Whether indexing a variable of this type (with producible indices) can give a value of want.
    private bool Yields(GenType type, GenType want, int level) => type switch
    {
        ArrayType a => level < 4 && (a.Index is not ScalarsetType || Locals.Any(l => Fits(l.Type, a.Index))) && Yields(a.Element, want, level + 1),
        _ => Fits(type, want),
    };
}
