using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// What every part of one Murphi file shares: the variant written, the names, the types, the
/// state variables' names, and the functions written so far (each <c>count</c> over a type
/// becomes one, since Murphi has no counting expression).
/// </summary>
internal sealed class MurphiGlobals
{
    public MurphiGlobals(Model model, Variant variant)
    {
        Variant = variant;
        Types = new MurphiTypes(model, Names);
        Vars = model.Vars.ToDictionary(v => v, v => Names.Take(v.Name));
    }

    public Variant Variant { get; }

    public MurphiNames Names { get; } = new();

    public MurphiTypes Types { get; }

    /// <summary>The Murphi name of each state variable.</summary>
    public IReadOnlyDictionary<StateVar, string> Vars { get; }

    /// <summary>The function declarations written so far, each whole; one is added after those it calls.</summary>
    public List<string> Functions { get; } = [];

    /// <summary>The function written for a <c>count</c>, by the expression and the members its copy was written for.</summary>
    public Dictionary<(QuantExpr, string), string> Counts { get; } = [];
}
