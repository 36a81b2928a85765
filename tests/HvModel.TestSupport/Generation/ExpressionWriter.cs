using System.Globalization;

namespace HvModel.TestSupport.Generation;

/// <summary>
/// Random well-typed expressions over a <see cref="Scope"/>, as model text: every expression
/// form of the language (literals, names, nested and computed array indices that may fall out
/// of range, all operators, conditionals, the three quantifiers, hunks, definitions). Scalarset
/// values are only compared for equality and used as indices, as the binder demands.
/// Compound expressions are parenthesised, so precedence never changes what is generated.
/// </summary>
public sealed class ExpressionWriter(Choices choose, Scope scope)
{
    /// <summary>Percentage of computed array indices (which may fall out of bounds: a model error).</summary>
    public int WildIndexPercent { get; init; } = 8;

    /// <summary>An expression of the given scalar type.</summary>
    public string Of(GenType type, int depth) => type switch
    {
        BoolType => Bool(depth),
        RangeType => Int(depth),
        EnumType e => Enum(e, depth),
        ScalarsetType s => Scalar(s, depth),
        _ => throw new ArgumentException($"not a scalar type: {type.Text}", nameof(type)),
    };

    public string Bool(int depth)
    {
        var pick = choose.Next(depth <= 0 ? 4 : 16);
        switch (pick)
        {
            case 0:
            case 3:
                return Read(new BoolType(), depth) ?? Literal();
            case 1: return Literal();
            case 2: return scope.Hunks.Count > 0 ? $"hunk {choose.Pick(scope.Hunks)}" : Literal();
            case 4: return $"{choose.Pick(new[] { "not ", "!" })}{Bool(depth - 1)}";
            case 5:
            case 6:
            {
                var op = choose.Pick(new[] { "and", "or", "->", "<->", "&", "|", "=", "!=" });
                return $"({Bool(depth - 1)} {op} {Bool(depth - 1)})";
            }

            case 7:
            case 8:
            {
                var op = choose.Pick(new[] { "=", "!=", "<", "<=", ">", ">=" });
                return $"({Int(depth - 1)} {op} {Int(depth - 1)})";
            }

            case 9:
            {
                var enums = scope.FiniteTypes.OfType<EnumType>().ToList();
                if (enums.Count == 0)
                {
                    goto case 7;
                }

                var e = choose.Pick(enums);
                return $"({Enum(e, depth - 1)} {choose.Pick(new[] { "=", "!=" })} {Enum(e, depth - 1)})";
            }

            case 10:
            {
                var sets = scope.FiniteTypes.OfType<ScalarsetType>().Where(scope.CanProduce).ToList();
                if (sets.Count == 0)
                {
                    goto case 5;
                }

                var s = choose.Pick(sets);
                return $"({Scalar(s, depth - 1)} {choose.Pick(new[] { "=", "!=" })} {Scalar(s, depth - 1)})";
            }

            case 11: return $"(if {Bool(depth - 1)} then {Bool(depth - 1)} else {Bool(depth - 1)} end)";
            case 12:
            case 13:
            {
                var type = choose.Pick(scope.FiniteTypes);
                var name = scope.FreshLocal("q");
                var body = scope.With(name, type, () => Bool(depth - 1));
                return $"({choose.Pick(new[] { "forall", "exists" })} {name}: {type.Text} . {body})";
            }

            case 14:
                if (scope.Definitions.Where(d => d.Parameters.All(scope.CanProduce)).ToList() is { Count: > 0 } callable)
                {
                    var (name, parameters) = choose.Pick(callable);
                    return parameters.Count == 0 ? name : $"{name}({string.Join(", ", parameters.Select(p => Of(p, depth - 1)))})";
                }

                goto case 11;
            default:
                return Read(new BoolType(), depth) ?? $"({Bool(depth - 1)} and {Bool(depth - 1)})";
        }
    }

    public string Int(int depth)
    {
        switch (choose.Next(depth <= 0 ? 4 : 12))
        {
            case 0:
            case 1:
                return Read(new RangeType("int", 0, 0), depth) ?? Number(-2, 4);
            case 2: return Number(-2, 4);
            case 3: return scope.Constants.Count > 0 ? choose.Pick(scope.Constants).Name : Number(0, 3);
            case 4:
            case 5:
                return $"({Int(depth - 1)} {choose.Pick(new[] { "+", "-" })} {Int(depth - 1)})";
            case 6: return $"({Int(depth - 1)} * {Number(-2, 2)})";
            case 7: return $"(- {Int(depth - 1)})";
            case 8: return $"(if {Bool(depth - 1)} then {Int(depth - 1)} else {Int(depth - 1)} end)";
            case 9:
            {
                var type = choose.Pick(scope.FiniteTypes);
                var name = scope.FreshLocal("q");
                var body = scope.With(name, type, () => Bool(depth - 1));
                return $"(count {name}: {type.Text} . {body})";
            }

            default: return Read(new RangeType("int", 0, 0), depth) ?? $"({Int(depth - 1)} + 1)";
        }
    }

    public string Enum(EnumType type, int depth) => choose.Next(depth <= 0 ? 2 : 4) switch
    {
        0 => Read(type, depth) ?? choose.Pick(type.Members),
        1 => choose.Pick(type.Members),
        2 => Read(type, depth) ?? choose.Pick(type.Members),
        _ => $"(if {Bool(depth - 1)} then {Enum(type, depth - 1)} else {Enum(type, depth - 1)} end)",
    };

    /// <summary>A scalarset value; the caller has made sure one can be produced (<see cref="Scope.CanProduce"/>).</summary>
    public string Scalar(ScalarsetType type, int depth) =>
        depth > 0 && choose.Chance(20)
            ? $"(if {Bool(depth - 1)} then {Scalar(type, depth - 1)} else {Scalar(type, depth - 1)} end)"
            : Read(type, depth) ?? throw new InvalidOperationException($"no name yields a {type.Text} here");

    /// <summary>An index into an array over <paramref name="index"/>: usually in range, sometimes computed.</summary>
    public string Index(GenType index, int depth)
    {
        if (index is not RangeType r)
        {
            // At depth 0 only a literal or a plain name, or a bool-indexed array would index itself without end.
            return depth > 0 ? Of(index, depth) : Simple(index);
        }

        if (choose.Chance(WildIndexPercent))
        {
            return Int(depth);
        }

        var same = scope.Locals.Where(l => l.Type.Text == r.Text && r.Text.Any(char.IsLetter)).ToList();
        return same.Count > 0 && choose.Chance(50) ? choose.Pick(same).Name : Number(r.Lo, r.Hi);
    }

    /// <summary>A literal in lo .. hi (negative ones in parentheses).</summary>
    public string Number(int lo, int hi)
    {
        var n = choose.Between(lo, hi);
        return n < 0 ? $"(-{(-n).ToString(CultureInfo.InvariantCulture)})" : n.ToString(CultureInfo.InvariantCulture);
    }

    private string Simple(GenType type)
    {
        var names = scope.Locals.Where(l => Scope.Fits(l.Type, type)).Select(l => l.Name)
            .Concat(scope.Variables.Where(v => Scope.Fits(v.Type, type)).Select(v => v.Name)).ToList();
        return type switch
        {
            BoolType when names.Count == 0 || choose.Chance(50) => Literal(),
            EnumType e when names.Count == 0 || choose.Chance(50) => choose.Pick(e.Members),
            _ => choose.Pick(names),
        };
    }

    private string Literal() => choose.Chance(50) ? "true" : "false";

    /// <summary>A name (a local, a variable, or an array element reached through indices) of the wanted type; null when none.</summary>
    public string? Read(GenType want, int depth)
    {
        var candidates = new List<(string Name, GenType Type)>();
        candidates.AddRange(scope.Locals.Where(l => Scope.Fits(l.Type, want)));
        foreach (var v in scope.Variables)
        {
            if (Reaches(v.Type, want, depth))
            {
                candidates.Add(v);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var (name, type) = choose.Pick(candidates);
        var text = name;
        while (type is ArrayType a)
        {
            text += $"[{Index(a.Index, Math.Max(0, depth - 1))}]";
            type = a.Element;
        }

        return text;
    }

    /// <summary>A place of the wanted type that a statement may assign (a variable or an element).</summary>
    public (string Text, GenType Type)? Place(int depth)
    {
        var candidates = scope.Variables.Where(v => Reaches(v.Type, v.Type is ArrayType ? Leaf(v.Type) : v.Type, depth)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (name, type) = choose.Pick(candidates);
        var text = name;
        while (type is ArrayType a)
        {
            text += $"[{Index(a.Index, Math.Max(0, depth - 1))}]";
            type = a.Element;
        }

        return (text, type);
    }

    private static GenType Leaf(GenType type) => type is ArrayType a ? Leaf(a.Element) : type;

    // Every index on the way must be producible here (a scalarset index needs a scalarset name).
    private bool Reaches(GenType type, GenType want, int depth) => type switch
    {
        ArrayType a => (a.Index is not ScalarsetType s || scope.Locals.Any(l => Scope.Fits(l.Type, s)) || (depth > 0 && scope.Variables.Any(v => v.Type is ScalarsetType && Scope.Fits(v.Type, s))))
            && Reaches(a.Element, want, depth),
        _ => Scope.Fits(type, want),
    };
}
