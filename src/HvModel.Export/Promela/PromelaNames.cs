using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// How the model's names and types are spelled in Promela: a state variable keeps its name
/// unless it is a Promela keyword or could meet a name the writer makes up for its scratch
/// variables (<c>let_</c>, <c>shadow_</c>) or for liveness (<c>live_</c>); then it gets a <c>v_</c> prefix.
/// </summary>
internal static class PromelaNames
{
    private static readonly HashSet<string> Keywords =
    [
        "active", "assert", "atomic", "bit", "bool", "break", "byte", "chan", "d_step", "do", "else", "empty",
        "enabled", "eval", "false", "fi", "for", "full", "goto", "hidden", "if", "in", "init", "int", "len", "local",
        "mtype", "nempty", "never", "nfull", "notrace", "np_", "od", "of", "pc_value", "pid", "printf", "printm",
        "priority", "proctype", "provided", "run", "select", "short", "show", "skip", "timeout", "trace", "true",
        "typedef", "unless", "unsigned", "xr", "xs", "system", "main", "c_code", "c_expr", "c_decl", "c_state", "c_track",
    ];

    // live_: the names the liveness export makes up (PromelaLiveness).
    private static readonly string[] ScratchPrefixes = ["shadow_", "let_", "live_"];

    public static string Name(StateVar v) =>
        Keyword(v.Name) || ScratchPrefixes.Any(p => v.Name.StartsWith(p, StringComparison.Ordinal)) ? $"v_{v.Name}" : v.Name;

    /// <summary>True when Promela (or the C that pan is compiled from) reserves the name.</summary>
    public static bool Keyword(string name) => Keywords.Contains(name);

    /// <summary>The scalar type stored in every slot of a variable (arrays are flattened).</summary>
    public static ScalarType ElementType(HvType type) => type switch
    {
        ScalarType s => s,
        ArrayType a => ElementType(a.Element),
        _ => throw new NotSupportedException($"Promela export: no storage for {type}"),
    };

    /// <summary>The smallest Promela type holding every value of <paramref name="t"/>.</summary>
    public static string Type(ScalarType t) => t switch
    {
        BoolType => "bool",
        RangeType r when r.Lo >= 0 && r.Hi <= 255 => "byte",
        RangeType r when r.Lo >= short.MinValue && r.Hi <= short.MaxValue => "short",
        RangeType => "int",
        _ when t.Count <= 256 => "byte",
        _ => "short",
    };

    /// <summary>Text safe inside a <c>/* */</c> comment.</summary>
    public static string Sanitize(string s) => s.Replace("*/", "* /", StringComparison.Ordinal);
}
