using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Printing;

/// <summary>
/// Prints a solver's term (an invariant from Spacer, a k-induction claim, a lemma of prove) in
/// the model's own syntax: state slots and arrays by their names (<c>pc[Cpu1]</c>,
/// <c>affinity[i][c]</c>), values of enum and scalarset type by name, quantifiers as
/// <c>forall c: Cpu . ...</c>, a clause with negated literals as an implication, and
/// parentheses only where the language's precedence needs them. The one printer of solver
/// terms: pdr's <c>--show-invariant</c>, kind and prove all go through it.
/// </summary>
public sealed class ModelSyntaxPrinter(SolverVocabulary vocabulary)
{
    // Precedence levels of docs/language.md, loosest first.
    private const int Quantifier = 1;
    private const int Implication = 2;
    private const int Disjunction = 3;
    private const int Conjunction = 4;
    private const int Negation = 5;
    private const int Comparison = 6;
    private const int Sum = 11;
    private const int Product = 12;
    private const int Minus = 13;
    private const int Atomic = 14;

    private readonly Dictionary<string, (string Name, string Sort)> bound = [];
    private readonly Dictionary<string, Sexp> lets = [];

    /// <summary>The term as a model expression.</summary>
    public string Print(string term) => Print(Sexp.Parse(term));

    public string Print(Sexp term) => Render(term).Text;

    private (string Text, int Level) Render(Sexp e)
    {
        if (e.Atom is { } atom)
        {
            return RenderAtom(atom);
        }

        if (e.Items.Count == 0 || e.Items[0].Atom is not { } head)
        {
            return (Raw(e), Atomic);
        }

        var args = e.Items.Skip(1).ToList();
        switch (head)
        {
            case "and" when args.Count > 0:
                return Join(args, " and ", Conjunction);
            case "or" when args.Count > 0:
                return Clause(args);
            case "not" when args.Count == 1:
                return Negate(args[0]);
            case "=>" when args.Count == 2:
                return ($"{Wrap(args[0], Disjunction)} -> {Wrap(args[1], Implication)}", Implication);
            case "=" when args.Count == 2:
                return Compare(args[0], "=", args[1]);
            case "distinct" when args.Count == 2:
                return Compare(args[0], "!=", args[1]);
            case "<" or "<=" or ">" or ">=" when args.Count == 2:
                return Compare(args[0], head, args[1]);
            case "ite" when args.Count == 3:
                return ($"if {Render(args[0]).Text} then {Render(args[1]).Text} else {Render(args[2]).Text} end", Atomic);
            case "+" when args.Count >= 2:
                return Join(args, " + ", Sum);
            case "-" when args.Count == 1:
                return args[0].Atom is { } n && n.All(char.IsAsciiDigit) ? ($"-{n}", Minus) : ($"-{Wrap(args[0], Atomic)}", Minus);
            case "-" when args.Count == 2:
                return ($"{Wrap(args[0], Sum)} - {Wrap(args[1], Product)}", Sum);
            case "*" when args.Count >= 2:
                return Join(args, " * ", Product);
            case "div" when args.Count == 2:
                return ($"{Wrap(args[0], Product)} / {Wrap(args[1], Minus)}", Product);
            case "mod" when args.Count == 2:
                return ($"{Wrap(args[0], Product)} % {Wrap(args[1], Minus)}", Product);
            case "forall" or "exists" when args.Count == 2:
                return Quantify(head, args[0], args[1]);
            case "let" when args.Count == 2:
                return Let(args[0], args[1]);
        }

        if (vocabulary.TryFunction(head, out var name, out _))
        {
            return ($"{name}{string.Concat(args.Select(a => $"[{Render(a).Text}]"))}", Atomic);
        }

        return ($"{head}({string.Join(", ", args.Select(a => Render(a).Text))})", Atomic);
    }

    private (string Text, int Level) RenderAtom(string atom)
    {
        if (bound.TryGetValue(atom, out var b))
        {
            return (b.Name, Atomic);
        }

        if (lets.TryGetValue(atom, out var definition))
        {
            return Render(definition);
        }

        if (vocabulary.TryAtom(atom, out var text, out _))
        {
            return (text, Atomic);
        }

        return (atom, Atomic);
    }

    private (string Text, int Level) Join(List<Sexp> args, string separator, int level) =>
        (string.Join(separator, args.Select(a => Wrap(a, level))), level);

    private string Wrap(Sexp e, int level)
    {
        var (text, l) = Render(e);
        return l < level ? $"({text})" : text;
    }

    /// <summary>
    /// A disjunction with negated literals reads as an implication: <c>a and b -&gt; c or d</c>;
    /// a term equal to every value of its type but one reads as the premise that it has that
    /// one (<c>pc[p] = critical -&gt; locked</c> rather than <c>locked or pc[p] = idle or pc[p] = waiting</c>).
    /// </summary>
    private (string Text, int Level) Clause(List<Sexp> args)
    {
        var premises = args.Where(IsNegation).Select(a => Wrap(a.Items[1], Conjunction)).ToList();
        var conclusions = args.Where(a => !IsNegation(a)).ToList();
        foreach (var group in conclusions.Select(c => (Literal: c, Value: ValueOf(c))).Where(x => x.Value is not null)
            .GroupBy(x => x.Value!.Value.Term).ToList())
        {
            var type = group.First().Value!.Value.Type;
            var values = group.Select(x => x.Value!.Value.Ordinal).ToHashSet();
            if (values.Count == type.Count - 1 && conclusions.Count > values.Count)
            {
                var missing = Enumerable.Range(0, type.Count).First(o => !values.Contains(o));
                premises.Add($"{group.Key} = {type.Format(type.ValueAt(missing))}");
                conclusions.RemoveAll(c => group.Any(x => ReferenceEquals(x.Literal, c)));
            }
        }

        if (premises.Count == 0 || conclusions.Count == 0)
        {
            return premises.Count == 0
                ? Join(conclusions, " or ", Disjunction)
                : ($"!({string.Join(" and ", premises)})", Negation);
        }

        var conclusion = conclusions.Count == 1 ? Wrap(conclusions[0], Implication) : string.Join(" or ", conclusions.Select(c => Wrap(c, Disjunction)));
        return ($"{string.Join(" and ", premises)} -> {conclusion}", Implication);
    }

    // (= term value) with term of a named finite type: the term's text, the type, the value's ordinal.
    private (string Term, ScalarType Type, int Ordinal)? ValueOf(Sexp e)
    {
        if (e.Items.Count != 3 || e.Items[0].Atom != "=" || TypeOf(e.Items[1]) is not ScalarType type || type is BoolType)
        {
            return null;
        }

        var value = e.Items[2];
        int? ordinal = Numeral(value) is { } n ? type.OrdinalOf(n)
            : value.Atom is { } a && vocabulary.TryAtom(a, out var text, out var t) && ReferenceEquals(t, type) && type is EnumType en ? en.Members.ToList().IndexOf(text)
            : null;
        return ordinal is >= 0 ? (Render(e.Items[1]).Text, type, ordinal.Value) : null;
    }

    private static bool IsNegation(Sexp e) => e.Items.Count == 2 && e.Items[0].Atom == "not";

    private (string Text, int Level) Negate(Sexp operand)
    {
        if (operand.Items.Count == 3 && operand.Items[0].Atom is "=" or "<" or "<=" or ">" or ">=")
        {
            var opposite = operand.Items[0].Atom switch { "=" => "!=", "<" => ">=", "<=" => ">", ">" => "<=", _ => "<" };
            return Compare(operand.Items[1], opposite, operand.Items[2]);
        }

        return ($"!{Wrap(operand, Atomic)}", Negation);
    }

    /// <summary>
    /// A comparison; when one side is a term of a named type (an enum, a scalarset, bool) and the
    /// other a numeral, the numeral prints as that type's value, and an ordering (which the
    /// language does not have for such types) as the members it admits.
    /// </summary>
    private (string Text, int Level) Compare(Sexp left, string op, Sexp right)
    {
        var lt = TypeOf(left);
        var rt = TypeOf(right);
        if (lt is ScalarType ls and not RangeType && Numeral(right) is { } rv)
        {
            return Typed(left, ls, op, rv);
        }

        if (rt is ScalarType rs and not RangeType && Numeral(left) is { } lv)
        {
            return Typed(right, rs, Flip(op), lv);
        }

        return ($"{Wrap(left, Comparison + 1)} {op} {Wrap(right, Comparison + 1)}", Comparison);
    }

    private (string Text, int Level) Typed(Sexp term, ScalarType type, string op, int value)
    {
        var text = Wrap(term, Comparison + 1);
        if (op is "=" or "!=")
        {
            return ($"{text} {op} {type.Format(value)}", Comparison);
        }

        var admitted = type.Values().Where(v => op switch
        {
            "<" => v < value,
            "<=" => v <= value,
            ">" => v > value,
            _ => v >= value,
        }).ToList();
        if (admitted.Count == 0)
        {
            return ("false", Atomic);
        }

        if (admitted.Count == type.Count)
        {
            return ("true", Atomic);
        }

        var excluded = type.Values().Except(admitted).ToList();
        return admitted.Count <= excluded.Count
            ? (string.Join(" or ", admitted.Select(v => $"{text} = {type.Format(v)}")), admitted.Count == 1 ? Comparison : Disjunction)
            : (string.Join(" and ", excluded.Select(v => $"{text} != {type.Format(v)}")), excluded.Count == 1 ? Comparison : Conjunction);
    }

    private static string Flip(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };

    private HvType? TypeOf(Sexp e)
    {
        if (e.Atom is { } a)
        {
            if (lets.TryGetValue(a, out var d))
            {
                return TypeOf(d);
            }

            return vocabulary.TryAtom(a, out _, out var t) ? t : null;
        }

        return e.Items.Count > 0 && e.Items[0].Atom is { } head && vocabulary.TryFunction(head, out _, out var ft) ? ft : null;
    }

    private static int? Numeral(Sexp e)
    {
        if (e.Atom is { } a)
        {
            return int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        }

        return e.Items.Count == 2 && e.Items[0].Atom == "-" && Numeral(e.Items[1]) is { } n ? -n : null;
    }

    private (string Text, int Level) Quantify(string quantifier, Sexp bindings, Sexp body)
    {
        var added = new List<string>();
        var prefix = new List<string>();
        foreach (var b in bindings.Items)
        {
            if (b.Items.Count != 2 || b.Items[0].Atom is not { } symbol || b.Items[1].Atom is not { } sort)
            {
                return ($"{quantifier} {Raw(bindings)} . {Render(body).Text}", Quantifier);
            }

            var type = vocabulary.SortName(sort);
            var name = FreshName(type);
            bound[symbol] = (name, sort);
            added.Add(symbol);
            prefix.Add($"{quantifier} {name}: {type} . ");
        }

        var text = string.Concat(prefix) + Render(body).Text;
        foreach (var s in added)
        {
            bound.Remove(s);
        }

        return (text, Quantifier);
    }

    /// <summary>A bound variable's name: the type's initial, then with a number (c, c2, ...), never a model name.</summary>
    private string FreshName(string type)
    {
        var stem = type.Length > 0 && char.IsLetter(type[0]) ? char.ToLowerInvariant(type[0]).ToString() : "v";
        for (var k = 1; ; k++)
        {
            var name = k == 1 ? stem : $"{stem}{k}";
            if (!vocabulary.IsTaken(name) && bound.Values.All(b => b.Name != name))
            {
                return name;
            }
        }
    }

    private (string Text, int Level) Let(Sexp bindings, Sexp body)
    {
        var added = new List<(string, Sexp?)>();
        foreach (var b in bindings.Items)
        {
            if (b.Items.Count == 2 && b.Items[0].Atom is { } symbol)
            {
                added.Add((symbol, lets.TryGetValue(symbol, out var old) ? old : null));
                lets[symbol] = b.Items[1];
            }
        }

        var result = Render(body);
        foreach (var (symbol, old) in added)
        {
            if (old is null)
            {
                lets.Remove(symbol);
            }
            else
            {
                lets[symbol] = old;
            }
        }

        return result;
    }

    private static string Raw(Sexp e) => e.ToString();
}
