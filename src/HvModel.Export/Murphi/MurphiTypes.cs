using System.Globalization;
using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// The Murphi types of a model. Booleans, ranges and enums are Murphi's own; a plain
/// scalarset stays a Murphi scalarset, so that Rumur's symmetry reduction permutes what
/// HvModel's does; a scalarset whose members are all distinguished is an enum of them.
/// A scalarset with distinguished members and interchangeable ones (<c>scalarset(CPUS) with
/// Cpu0</c>) is split, since Rumur has no union type to join a named member to a scalarset:
/// <list type="bullet">
/// <item>its interchangeable members are a scalarset of their own, <c>CpuRest</c>;</item>
/// <item>a value of it is a record <c>CpuValue</c> of a tag (<c>CpuWhich</c>: an enum of the
/// distinguished members' names and <c>InCpuRest</c>) and a <c>CpuRest</c> part, undefined
/// unless the tag is <c>InCpuRest</c>, so that no two records stand for one value;</item>
/// <item>an <c>array[Cpu] of T</c> is a record with one field of type T per distinguished
/// member and a field <c>rest</c> of type <c>array[CpuRest] of T</c>.</item>
/// </list>
/// </summary>
internal sealed class MurphiTypes
{
    private readonly Dictionary<HvType, string> names = [];
    private readonly Dictionary<ScalarType, string[]> members = [];
    private readonly Dictionary<ScalarsetType, Split> splits = [];
    private readonly List<ScalarType> declared = [];

    /// <summary>The Murphi names of a split scalarset's parts.</summary>
    private sealed record Split(string Rest, string Which, string RestTag, string Value, string RestField);

    public MurphiTypes(Model model, MurphiNames globals)
    {
        var used = new List<ScalarType>();
        var seen = new HashSet<HvType>();
        void Use(HvType t)
        {
            if (t is ArrayType a)
            {
                Use(a.Index);
                Use(a.Element);
            }
            else if (t is ScalarType s && seen.Add(s))
            {
                used.Add(s);
            }
        }

        foreach (var v in model.Vars)
        {
            Use(v.Type);
        }

        foreach (var t in ModelWalk.Types(model))
        {
            Use(t);
        }

        // The model's own names first, then the parts of split scalarsets.
        foreach (var t in used)
        {
            switch (t)
            {
                case EnumType e:
                    names[e] = globals.Take(e.Name);
                    members[e] = [.. e.Members.Select(globals.Take)];
                    declared.Add(e);
                    break;
                case ScalarsetType s:
                    names[s] = globals.Take(s.Name);
                    members[s] = [.. s.Distinguished.Select(globals.Take)];
                    declared.Add(s);
                    break;
            }
        }

        foreach (var s in declared.OfType<ScalarsetType>().Where(IsSplit))
        {
            var field = "rest";
            while (members[s].Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                field += "_";
            }

            splits[s] = new Split(
                globals.Take($"{s.Name}Rest"), globals.Take($"{s.Name}Which"), globals.Take($"In{s.Name}Rest"), globals.Take($"{s.Name}Value"), field);
        }
    }

    /// <summary>True for a scalarset with both distinguished and interchangeable members: its values are split (see the class).</summary>
    public static bool IsSplit(ScalarType type) => type is ScalarsetType { Fixed: > 0, Interchangeable: > 0 };

    /// <summary>The type declarations, one line each (without the <c>type</c> keyword).</summary>
    public IEnumerable<string> Declarations()
    {
        foreach (var t in declared)
        {
            switch (t)
            {
                case EnumType e:
                    yield return $"{names[e]}: enum {{ {string.Join(", ", members[e])} }};";
                    break;
                case ScalarsetType { Fixed: 0 } s:
                    yield return $"{names[s]}: scalarset({s.Size});";
                    break;
                case ScalarsetType { Interchangeable: 0 } s:
                    yield return $"{names[s]}: enum {{ {string.Join(", ", members[s])} }};  -- scalarset({s.Size}) with {string.Join(", ", s.Distinguished)}: no interchangeable member";
                    break;
                case ScalarsetType s:
                    var split = splits[s];
                    yield return $"-- {s.Name} = scalarset({s.Size}) with {string.Join(", ", s.Distinguished)}, split:";
                    yield return $"{split.Rest}: scalarset({s.Interchangeable});  -- its interchangeable members";
                    yield return $"{split.Which}: enum {{ {string.Join(", ", members[s])}, {split.RestTag} }};  -- which member a value is, or {split.RestTag}";
                    yield return $"{split.Value}: record which: {split.Which}; rest: {split.Rest}; end;  -- rest: undefined unless which = {split.RestTag}";
                    break;
            }
        }
    }

    /// <summary>The type of a value of <paramref name="type"/> (for a split scalarset, its value record).</summary>
    public string Scalar(ScalarType type) => IsSplit(type) ? splits[(ScalarsetType)type].Value : Domain(type);

    /// <summary>The type to iterate for the values of a type that is not split.</summary>
    public string Domain(ScalarType type) => type switch
    {
        BoolType => "boolean",
        RangeType r => $"{r.Lo}..{r.Hi}",
        ScalarsetType s when IsSplit(s) => throw new InvalidOperationException($"scalarset {s.Name} is split: iterate its members apart and {Rest(s)}"),
        _ => names[type],
    };

    /// <summary>The Murphi type of a state variable or array element.</summary>
    public string Of(HvType type) => type switch
    {
        ArrayType { Index: ScalarsetType s } a when IsSplit(s) =>
            $"record {string.Join(" ", members[s].Select(m => $"{m}: {Of(a.Element)};"))} {splits[s].RestField}: array[{Rest(s)}] of {Of(a.Element)}; end",
        ArrayType a => $"array[{Domain(a.Index)}] of {Of(a.Element)}",
        ScalarType s => Scalar(s),
        _ => throw new NotSupportedException($"Murphi export: no storage for {type}"),
    };

    /// <summary>The scalarset of a split scalarset's interchangeable members.</summary>
    public string Rest(ScalarsetType type) => splits[type].Rest;

    /// <summary>The tag of a split value that is an interchangeable member.</summary>
    public string RestTag(ScalarsetType type) => splits[type].RestTag;

    /// <summary>The name of a split scalarset's distinguished member: its tag, and its field in a split array.</summary>
    public string Member(ScalarsetType type, int ordinal) => members[type][ordinal];

    /// <summary>The field of a split array that holds the interchangeable members' elements.</summary>
    public string RestField(ScalarsetType type) => splits[type].RestField;

    /// <summary>A constant of any type: a distinguished member of a split scalarset as such, any other as its Murphi literal.</summary>
    public MurphiValue Constant(ScalarType type, int value)
    {
        if (type is ScalarsetType s && s.IsInterchangeable(value))
        {
            throw new NotSupportedException($"Murphi export: {s.Format(value)} is an interchangeable member of {s.Name}, which Murphi cannot name");
        }

        if (type is ScalarsetType split && IsSplit(split))
        {
            return new MemberValue(split, value);
        }

        return new PlainValue(Literal(type, value));
    }

    /// <summary>The Murphi literal of a value of a type that is not split.</summary>
    public string Literal(HvType type, int value) => type switch
    {
        BoolType => value != 0 ? "true" : "false",
        EnumType or ScalarsetType => members[(ScalarType)type][value],
        _ => value < 0 ? $"({value.ToString(CultureInfo.InvariantCulture)})" : value.ToString(CultureInfo.InvariantCulture),
    };
}
