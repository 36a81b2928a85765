using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// The scratch variables steps use: a <c>let</c>'s value, and the shadow copies that undo a
/// step with no successor. They are globals, part of the state vector (pan's breadth-first
/// search refuses <c>hidden</c> variables), so every step resets what it used to 0 when it
/// ends, and scratch never tells two states apart.
/// </summary>
internal sealed class PromelaScratch
{
    private readonly SortedDictionary<string, string> declarations = new(StringComparer.Ordinal);

    /// <summary>The variable holding <paramref name="local"/>'s value.</summary>
    public string Let(Local local) => Declare($"let_{local.Name}_{local.Slot}", "int", null);

    /// <summary>The variable holding a copy of <paramref name="v"/> (all of its slots, for an array).</summary>
    public string Shadow(StateVar v) =>
        Declare($"shadow_{PromelaNames.Name(v)}", PromelaNames.Type(PromelaNames.ElementType(v.Type)), v.Type is ArrayType ? Types.SlotCount(v.Type) : null);

    /// <summary>The declarations, one a line, by name.</summary>
    public IEnumerable<string> Declarations => declarations.Values;

    public bool IsEmpty => declarations.Count == 0;

    private string Declare(string name, string type, int? size)
    {
        declarations.TryAdd(name, $"{type} {name}{(size is { } n ? $"[{n}]" : "")};");
        return name;
    }
}
