using System.Globalization;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// The SMT vocabulary of a model whose scalarsets have no fixed size: each scalarset is an
/// uninterpreted sort (nonempty, of any size), its distinguished members are constants of that
/// sort, distinct from each other; each enum is a datatype whose constructors are its members;
/// bools are Bool and every integer type is Int (ranges are constraints). A state variable is a
/// function from its array index sorts to its element sort, named by a state prefix
/// (<c>x!online</c> before a step, <c>y!online</c> after it; a model name never holds a <c>!</c>).
/// </summary>
/// <remarks>
/// Names carry a dot so that no model name (an identifier) and no SMT-LIB keyword can collide
/// with them; the printer maps them back (<see cref="Printing.SolverVocabulary"/>).
/// </remarks>
public sealed class ProveVocabulary
{
    private readonly List<ScalarsetType> scalarsets = [];
    private readonly List<EnumType> enums = [];

    public ProveVocabulary(Model model)
    {
        Model = model;
        foreach (var v in model.Vars)
        {
            Collect(v.Type);
        }

        foreach (var s in model.Scalarsets)
        {
            Collect(s);
        }

        foreach (var c in model.Constants)
        {
            Collect(c.Type);
        }

        foreach (var a in model.Actions)
        {
            foreach (var p in a.Parameters)
            {
                Collect(p.Type);
            }
        }
    }

    public Model Model { get; }

    public IReadOnlyList<ScalarsetType> Scalarsets => scalarsets;

    public IReadOnlyList<EnumType> Enums => enums;

    /// <summary>Registers a type met later (a quantifier over an enum no variable has).</summary>
    public void Collect(HvType type)
    {
        switch (type)
        {
            case ScalarsetType s when !scalarsets.Contains(s):
                scalarsets.Add(s);
                break;
            case EnumType e when !enums.Contains(e):
                enums.Add(e);
                break;
            case ArrayType a:
                Collect(a.Index);
                Collect(a.Element);
                break;
        }
    }

    public static string SortOf(ScalarsetType s) => $"sort.{s.Name}";

    public static string SortOf(EnumType e) => $"enum.{e.Name}";

    public static string Constructor(EnumType e, int value) => $"{e.Name}.{e.Members[value]}";

    public static string Distinguished(ScalarsetType s, int value) => $"{s.Name}.{s.Distinguished[value]}";

    /// <summary>The function that holds state variable <paramref name="v"/> in the state named <paramref name="prefix"/>.</summary>
    public static string StateFunction(string prefix, StateVar v) => $"{prefix}!{v.Name}";

    public string Sort(HvType type) => type switch
    {
        BoolType => "Bool",
        ScalarsetType s => SortOf(s),
        EnumType e => SortOf(e),
        IntType or RangeType => "Int",
        _ => throw new ProveUnsupportedException($"values of type {type.Display} have no sort"),
    };

    /// <summary>The index sorts of a state variable, outermost first (none for a scalar).</summary>
    public IReadOnlyList<ScalarType> IndexTypes(StateVar v)
    {
        var result = new List<ScalarType>();
        var t = v.Type;
        while (t is ArrayType a)
        {
            result.Add(a.Index);
            t = a.Element;
        }

        return result;
    }

    public static ScalarType ElementType(StateVar v)
    {
        var t = v.Type;
        while (t is ArrayType a)
        {
            t = a.Element;
        }

        return (ScalarType)t;
    }

    /// <summary>The term of a constant value: a bool, a numeral, an enum constructor, a distinguished member.</summary>
    public static string Literal(HvType type, int value) => type switch
    {
        BoolType => value != 0 ? "true" : "false",
        EnumType e => Constructor(e, value),
        ScalarsetType s when value >= 0 && value < s.Fixed => Distinguished(s, value),
        ScalarsetType s => throw new ProveUnsupportedException($"member {s.Format(value)} of {s.Name} is named by number: only distinguished members have a name for every size"),
        _ => value < 0 ? $"(- {(-(long)value).ToString(CultureInfo.InvariantCulture)})" : value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Sort and constant declarations, shared by every query about this model.</summary>
    public IEnumerable<string> Declarations()
    {
        foreach (var s in scalarsets)
        {
            yield return $"(declare-sort {SortOf(s)} 0)";
        }

        foreach (var e in enums)
        {
            var constructors = string.Join(' ', Enumerable.Range(0, e.Count).Select(k => $"({Constructor(e, k)})"));
            yield return $"(declare-datatypes (({SortOf(e)} 0)) (({constructors})))";
        }

        foreach (var s in scalarsets)
        {
            for (var k = 0; k < s.Fixed; k++)
            {
                yield return $"(declare-const {Distinguished(s, k)} {SortOf(s)})";
            }

            if (s.Fixed > 1)
            {
                yield return $"(assert (distinct {string.Join(' ', Enumerable.Range(0, s.Fixed).Select(k => Distinguished(s, k)))}))";
            }
        }
    }

    /// <summary>The declarations of a state's functions.</summary>
    public IEnumerable<string> StateDeclarations(string prefix)
    {
        foreach (var v in Model.Vars)
        {
            var args = string.Join(' ', IndexTypes(v).Select(Sort));
            yield return $"(declare-fun {StateFunction(prefix, v)} ({args}) {Sort(ElementType(v))})";
        }
    }

    /// <summary>
    /// What makes a state of this vocabulary a state of the model: every integer element lies
    /// in its range (read at indices inside their ranges). Bools, enums and scalarsets need nothing.
    /// </summary>
    public IEnumerable<string> StateRanges(string prefix)
    {
        foreach (var v in Model.Vars)
        {
            if (ElementType(v) is not RangeType r)
            {
                continue;
            }

            var indices = IndexTypes(v);
            var names = indices.Select((_, k) => $"r.{k}.").ToList();
            var application = indices.Count == 0 ? StateFunction(prefix, v) : $"({StateFunction(prefix, v)} {string.Join(' ', names)})";
            var body = $"(and (<= {Literal(r, r.Lo)} {application}) (<= {application} {Literal(r, r.Hi)}))";
            var guards = indices.Select((t, k) => t is RangeType ir ? $"(and (<= {Literal(ir, ir.Lo)} {names[k]}) (<= {names[k]} {Literal(ir, ir.Hi)}))" : "true")
                .Where(g => g != "true").ToList();
            if (guards.Count > 0)
            {
                body = $"(=> {(guards.Count == 1 ? guards[0] : $"(and {string.Join(' ', guards)})")} {body})";
            }

            yield return indices.Count == 0
                ? $"(assert {body})"
                : $"(assert (forall ({string.Join(' ', indices.Select((t, k) => $"({names[k]} {Sort(t)})"))}) {body}))";
        }
    }
}
