using System.Text;
using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// Writes the statements of one rule or start state. Loops stay Murphi loops (never unrolled
/// over a scalarset, whose members Murphi cannot name); a loop over a split scalarset is its
/// distinguished members written out, then a loop over the rest. An <c>any</c> takes its value
/// from the next digit of the rule's <c>choice</c> (see <see cref="MurphiChoices"/>): a bool or
/// a range computes it; an enum or a scalarset counts along a loop over its type to the
/// digit-th member, so no member is named and the outcomes over every <c>choice</c> are closed
/// under the type's permutations. When the chosen value fails the <c>where</c> condition,
/// HvModel has no successor along this path: the rule sets the state variable <c>aborted</c>
/// and returns, and the model's <c>assume</c> discards the state reached.
/// </summary>
internal sealed class MurphiStatements(MurphiGlobals globals, MurphiFrame frame, string? left, string? aborted, int indent)
{
    private readonly MurphiExpressions expressions = new(globals, frame);
    private readonly StringBuilder text = new();

    private MurphiTypes Types => globals.Types;

    private MurphiScope Scope => frame.Scope;

    /// <summary>The statements written so far.</summary>
    public override string ToString() => text.ToString();

    public void Line(string line) => text.Append(' ', indent * 2).AppendLine(line);

    public void Stmt(Stmt s)
    {
        switch (s)
        {
            case BlockStmt b:
                foreach (var x in b.Statements)
                {
                    Stmt(x);
                }

                break;
            case AssignStmt a:
                Assign(a);
                break;
            case IfStmt i:
                If(i);
                break;
            case ForStmt f:
                For(f);
                break;
            case AnyStmt any:
                Any(any);
                break;
            case LetStmt l:
                Let(l);
                break;
            case NoteStmt n:
                Line($"-- {n.Text.ReplaceLineEndings(" ")}");
                break;
            default:
                throw new NotSupportedException($"Murphi export: no form for {s.GetType().Name}");
        }
    }

    private void Assign(AssignStmt a)
    {
        var places = expressions.Alternatives(a.Target);
        var value = expressions.Value(a.Value);
        var type = (ScalarType)a.Target.Type;
        if (places.Count == 1)
        {
            Store(places[0].Path, type, value);
            return;
        }

        for (var k = 0; k < places.Count; k++)
        {
            Line(k == 0 ? $"if {places[k].Guard} then" : k < places.Count - 1 ? $"elsif {places[k].Guard} then" : "else");
            Nested(() => Store(places[k].Path, type, value));
        }

        Line("end;");
    }

    /// <summary>Stores a value in a designator of its type; a split value as its tag and rest part (undefined for a distinguished member).</summary>
    private void Store(string path, ScalarType type, MurphiValue value)
    {
        if (!MurphiTypes.IsSplit(type))
        {
            Line($"{path} := {MurphiExpressions.Whole(value)};");
            return;
        }

        var tag = Types.RestTag((ScalarsetType)type);
        switch (value)
        {
            case HeldValue { Record: { } record }:
                Line($"{path} := {record};"); // a record copy, undefined part and all
                break;
            case HeldValue { Rest: { } rest } held:
                // The rest part first: it may read the tag this overwrites.
                Line($"if {held.Which} = {tag} then");
                Nested(() =>
                {
                    Line($"{path}.rest := {rest};");
                    Line($"{path}.which := {tag};");
                });
                Line("else");
                Nested(() =>
                {
                    Line($"{path}.which := {held.Which};");
                    Line($"undefine {path}.rest;");
                });
                Line("end;");
                break;
            case RestValue r:
                Line($"{path}.which := {tag};");
                Line($"{path}.rest := {r.Text};");
                break;
            default:
                var distinguished = expressions.Held(value);
                Line($"{path}.which := {distinguished.Which};");
                Line($"undefine {path}.rest;");
                break;
        }
    }

    private void If(IfStmt i)
    {
        var condition = expressions.Text(i.Condition);
        if (condition is "true" or "false")
        {
            Stmt(condition == "true" ? i.Then : i.Else);
            return;
        }

        Line($"if {condition} then");
        Nested(() => Stmt(i.Then));
        if (i.Else is not BlockStmt { Statements.Length: 0 })
        {
            Line("else");
            Nested(() => Stmt(i.Else));
        }

        Line("end;");
    }

    private void For(ForStmt f)
    {
        var v = f.Variable;
        var name = Scope.NameOf(v);
        if (v.Domain is ScalarsetType s && MurphiTypes.IsSplit(s))
        {
            for (var k = 0; k < s.Fixed; k++)
            {
                Line($"-- {v.Name} = {s.Distinguished[k]}");
                frame.With(v, new MemberValue(s, k), () => Stmt(f.Body));
            }

            Line($"for {name}: {Types.Rest(s)} do");
            Nested(() => frame.With(v, new RestValue(s, name), () => Stmt(f.Body)));
        }
        else
        {
            var domain = Types.Domain(v.Domain);
            Line($"for {name}: {domain} do");
            Nested(() => frame.With(v, new PlainValue(name), () => Stmt(f.Body), domain));
        }

        Line("end;");
    }

    private void Any(AnyStmt a)
    {
        var v = a.Variable;
        var count = v.Domain.Count;
        if (count == 0)
        {
            Abort();
            return;
        }

        if (v.Domain is BoolType or RangeType)
        {
            // The value is the digit itself, shifted to the range.
            var name = Scope.NameOf(v);
            var domain = Types.Domain(v.Domain);
            Scope.Declare(name, domain);
            var digit = Digit(count);
            Line(v.Domain is RangeType r ? $"{name} := {Shift(digit, r.Lo)};" : $"{name} := ({digit} = 1);");
            Consume(count);
            frame.With(v, new PlainValue(name), () => Chosen(a), domain);
            return;
        }

        // An enum or a scalarset: the digit-th member along a loop over the type.
        var d = "0";
        if (count > 1)
        {
            d = Scope.NameOf(v, "digit");
            Scope.Declare(d, $"0..{count - 1}");
            Line($"{d} := {Digit(count)};");
            Consume(count);
        }

        if (v.Domain is ScalarsetType s && MurphiTypes.IsSplit(s))
        {
            for (var k = 0; k < s.Fixed; k++)
            {
                Line($"{(k == 0 ? "if" : "elsif")} {d} = {k} then");
                Nested(() => frame.With(v, new MemberValue(s, k), () => Chosen(a)));
            }

            Line("else");
            Nested(() => Counted(a, d, s.Fixed, Types.Rest(s), name => new RestValue(s, name), null));
            Line("end;");
        }
        else
        {
            var domain = Types.Domain(v.Domain);
            Counted(a, d, 0, domain, name => new PlainValue(name), domain);
        }
    }

    /// <summary>A loop over <paramref name="type"/> that runs the choice's body for the member at ordinal <paramref name="digit"/> (the first at <paramref name="first"/>).</summary>
    private void Counted(AnyStmt a, string digit, int first, string type, Func<string, MurphiValue> value, string? localType)
    {
        var v = a.Variable;
        var name = Scope.NameOf(v);
        var index = Scope.NameOf(v, "index");
        Scope.Declare(index, $"0..{v.Domain.Count}");
        Line($"{index} := {first};");
        Line($"for {name}: {type} do");
        Nested(() =>
        {
            Line($"if {index} = {digit} then");
            Nested(() => frame.With(v, value(name), () => Chosen(a), localType));
            Line("end;");
            Line($"{index} := {index} + 1;");
        });
        Line("end;");
    }

    /// <summary>The body of a choice whose value is bound: no successor unless the value meets the condition.</summary>
    private void Chosen(AnyStmt a)
    {
        if (a.Where is not null)
        {
            var condition = expressions.Text(a.Where);
            if (condition == "false")
            {
                Abort();
                return;
            }

            if (condition != "true")
            {
                Line($"if {MurphiExpressions.Not(condition)} then");
                Nested(Abort);
                Line("end;");
            }
        }

        Stmt(a.Body);
    }

    private void Abort()
    {
        Line($"{aborted ?? throw new InvalidOperationException("Murphi export: a step without successor, and no 'aborted' variable")} := true;  -- no candidate: no successor");
        Line("return;");
    }

    /// <summary>The next digit of the rule's choice, of radix <paramref name="count"/>.</summary>
    private string Digit(int count) =>
        count == 1 ? "0" : $"({left ?? throw new InvalidOperationException("Murphi export: a choice in a rule without choice parameter")} % {count})";

    private void Consume(int count)
    {
        if (count > 1)
        {
            Line($"{left} := {left} / {count};");
        }
    }

    private static string Shift(string digit, int lo) => lo switch
    {
        0 => digit,
        > 0 => $"({digit} + {lo})",
        _ => $"({digit} - {-(long)lo})",
    };

    private void Let(LetStmt l)
    {
        var v = l.Variable;
        var integer = v.Type is IntType ? IntegerBounds.Of(l.Value, frame.IntegerLets) : (Interval?)null;
        if (integer is { } bounds)
        {
            frame.IntegerLets[v] = bounds;
        }

        if (InPlace(l))
        {
            // A constant, or a local (which no statement changes): the body reads it in place.
            frame.With(v, expressions.Value(l.Value), () => Stmt(l.Body));
            return;
        }

        var value = expressions.Value(l.Value);
        var name = Scope.NameOf(v);
        var type = v.Type is ScalarType scalar ? Types.Scalar(scalar) : $"{integer!.Value.Lo}..{integer.Value.Hi}";
        Scope.Declare(name, type);
        MurphiValue bound;
        if (v.Type is ScalarsetType s && MurphiTypes.IsSplit(s))
        {
            Store(name, s, value);
            bound = new HeldValue(s, $"{name}.which", $"{name}.rest", name);
        }
        else
        {
            Line($"{name} := {MurphiExpressions.Whole(value)};");
            bound = new PlainValue(name);
        }

        frame.With(v, bound, () => Stmt(l.Body), type);
    }

    /// <summary>
    /// True when a let's value can be read where the let's name is: a constant or a local of
    /// the let's own type, or any integer. Otherwise the value goes through a rule variable of
    /// the let's type, whose assignment Rumur range-checks as HvModel checks the binding.
    /// </summary>
    private static bool InPlace(LetStmt l) => l.Value switch
    {
        _ when l.Variable.Type is IntType => l.Value is LiteralExpr or LocalExpr,
        LocalExpr x => ReferenceEquals(x.Type, l.Variable.Type),
        LiteralExpr c => l.Variable.Type is ScalarType s && s.OrdinalOf(c.Value) >= 0,
        _ => false,
    };

    private void Nested(Action body)
    {
        indent++;
        body();
        indent--;
    }
}
