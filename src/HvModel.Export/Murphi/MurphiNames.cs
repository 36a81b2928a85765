using System.Text;
using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// The names of one Murphi file: every global name (type, enum member, state variable,
/// function) is unique, kept as HvModel spells it when Murphi allows it, else made so (a name
/// is a letter then letters, digits and underscores; keywords, which Rumur reads in any case,
/// get an underscore; a clash gets a number). Rules take their local names from a
/// <see cref="MurphiScope"/> over the global ones.
/// </summary>
internal sealed class MurphiNames
{
    // Rumur's keywords (its lexer reads them in any case), with CMurphi's that Rumur rejects.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "alias", "array", "assert", "assume", "begin", "boolean", "by", "case", "clear", "const", "cover", "do",
        "else", "elsif", "end", "endalias", "endexists", "endfor", "endforall", "endfunction", "endif",
        "endprocedure", "endrecord", "endrule", "endruleset", "endstartstate", "endswitch", "endwhile", "enum",
        "error", "exists", "false", "for", "forall", "function", "if", "invariant", "isundefined", "liveness", "of",
        "procedure", "put", "real", "record", "return", "rule", "ruleset", "scalarset", "startstate", "switch",
        "then", "to", "true", "type", "undefine", "union", "var", "while", "interleaved", "process", "program",
        "traceuntil", "ismember", "multiset", "multisetadd", "multisetcount", "multisetremove",
        "multisetremovepred", "choose",
    };

    // Global names, and every name taken anywhere: a global taken late (a function) must not
    // be hidden in some rule by a local of the same name.
    private readonly HashSet<string> globals = new(StringComparer.Ordinal);
    private readonly HashSet<string> everywhere = new(StringComparer.Ordinal);

    /// <summary>A new global name, as close to <paramref name="wanted"/> as Murphi allows.</summary>
    public string Take(string wanted)
    {
        var name = Fresh(everywhere, wanted);
        globals.Add(name);
        return name;
    }

    /// <summary>The local names of one rule, start state, function or invariant.</summary>
    public MurphiScope Scope() => new(this);

    /// <summary>A new local name: not global, not yet taken in <paramref name="scope"/>.</summary>
    internal string TakeLocal(HashSet<string> scope, string wanted)
    {
        var name = Fresh(Union(scope), wanted);
        scope.Add(name);
        everywhere.Add(name);
        return name;
    }

    private HashSet<string> Union(HashSet<string> scope)
    {
        var all = new HashSet<string>(globals, StringComparer.Ordinal);
        all.UnionWith(scope);
        return all;
    }

    /// <summary>A name as Murphi spells identifiers: a letter, then letters, digits and underscores.</summary>
    public static string Sanitize(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            text.Insert(0, 'v');
        }

        return text.ToString();
    }

    /// <summary>Adds to <paramref name="taken"/> and returns a name close to <paramref name="wanted"/> that it did not hold.</summary>
    private static string Fresh(HashSet<string> taken, string wanted)
    {
        var stem = Sanitize(wanted);
        if (Keywords.Contains(stem))
        {
            stem += "_";
        }

        var name = stem;
        for (var k = 2; taken.Contains(name); k++)
        {
            name = $"{stem}_{k}";
        }

        taken.Add(name);
        return name;
    }
}

/// <summary>
/// The local names of one rule, start state, function or invariant: fresh against the global
/// names and each other, one per HvModel local (so that the copies of a body written once per
/// distinguished member share them), and the rule variables to declare.
/// </summary>
internal sealed class MurphiScope(MurphiNames names)
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);
    private readonly Dictionary<Local, string> locals = [];
    private readonly Dictionary<(Local, string), string> derived = [];
    private readonly List<(string Name, string Type)> declared = [];

    /// <summary>The variables the rule declares, in order.</summary>
    public IReadOnlyList<(string Name, string Type)> Declared => declared;

    /// <summary>A new local name close to <paramref name="wanted"/>.</summary>
    public string Fresh(string wanted) => names.TakeLocal(used, wanted);

    /// <summary>The name of an HvModel local in this scope (the same every time it is asked).</summary>
    public string NameOf(Local local)
    {
        if (!locals.TryGetValue(local, out var name))
        {
            name = Fresh(local.Name);
            locals[local] = name;
        }

        return name;
    }

    /// <summary>A helper variable of an HvModel local (its choice digit, its counter), the same every time.</summary>
    public string NameOf(Local local, string suffix)
    {
        if (!derived.TryGetValue((local, suffix), out var name))
        {
            name = Fresh($"{NameOf(local)}_{suffix}");
            derived[(local, suffix)] = name;
        }

        return name;
    }

    /// <summary>Declares a rule variable once.</summary>
    public void Declare(string name, string type)
    {
        if (!declared.Any(d => d.Name == name))
        {
            declared.Add((name, type));
        }
    }
}
