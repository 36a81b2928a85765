using System.Globalization;
using System.Text;
using HvModel.Core.Ir;
using HvModel.Explicit.Compiled;

namespace HvModel.Explicit.Generated;

/// <summary>
/// A piece of generated C#: its text, and its value when it is known while generating (an
/// int or a bool), so that guards, indices and arithmetic on constants fold as
/// <see cref="ExprCompiler"/> folds them.
/// </summary>
internal readonly record struct Code(string Text, object? Value = null)
{
    public static Code Int(int v) => new(v == int.MinValue ? "int.MinValue" : v < 0 ? $"({v.ToString(CultureInfo.InvariantCulture)})" : v.ToString(CultureInfo.InvariantCulture), v);

    public static Code Bool(bool b) => new(b ? "true" : "false", b);

    public bool IsConstant => Value is not null;

    public override string ToString() => Text;
}

/// <summary>
/// Translates IR expressions into C# text over a state held as a <c>ref int</c> (one int per
/// slot, as the interpreter's), the same translation as <see cref="ExprCompiler"/> node for
/// node: bound names are compile-time substitutions, constants fold, and every check the
/// interpreter makes calls <see cref="CompiledChecks"/>, which raises
/// <see cref="CompiledModelError"/>. Loops that C# cannot write as an expression (a count, a
/// quantifier over a large domain) become helper methods, written to <see cref="Helpers"/>,
/// that take the state and every bound local as parameters: short-circuiting stays exact.
/// </summary>
internal sealed class CSharpExprWriter(Variant variant)
{
    private readonly Dictionary<Local, Code> locals = new(ReferenceEqualityComparer.Instance);
    private int names;

    /// <summary>Helper methods the expressions written so far call.</summary>
    public StringBuilder Helpers { get; } = new();

    /// <summary>A fresh C# identifier (locals of generated code never shadow one another).</summary>
    public string Fresh(string stem) => $"{stem}{names++}";

    public Code? Bind(Local local, Code value)
    {
        Code? previous = locals.TryGetValue(local, out var p) ? p : null;
        locals[local] = value;
        return previous;
    }

    public void Restore(Local local, Code? previous)
    {
        if (previous is { } p)
        {
            locals[local] = p;
        }
        else
        {
            locals.Remove(local);
        }
    }

    /// <summary>The value of <paramref name="e"/> as an int (bools 0/1), reading the state <paramref name="s"/>.</summary>
    public Code Int(Expr e, string s) => e switch
    {
        LiteralExpr x => Code.Int(x.Value),
        VarExpr x => new($"At(ref {s}, {x.Var.FirstSlot})"),
        IndexExpr x => new($"At(ref {s}, {Slot(x, s)})"),
        LocalExpr x => locals.TryGetValue(x.Local, out var bound) ? bound : throw new InvalidOperationException($"'{x.Local.Name}' is not bound"),
        UnaryExpr { Op: UnaryOp.Negate } x => Checked(nameof(CompiledChecks.Negate), Int(x.Operand, s)),
        BinaryExpr { Op: BinaryOp.Add } x => Checked(nameof(CompiledChecks.Add), Int(x.Left, s), Int(x.Right, s)),
        BinaryExpr { Op: BinaryOp.Subtract } x => Checked(nameof(CompiledChecks.Subtract), Int(x.Left, s), Int(x.Right, s)),
        BinaryExpr { Op: BinaryOp.Multiply } x => Checked(nameof(CompiledChecks.Multiply), Int(x.Left, s), Int(x.Right, s)),
        BinaryExpr x when Core.Evaluation.IntegerOps.IsArithmetic(x.Op) =>
            Checked(nameof(CompiledChecks.Apply), Code.Int((int)x.Op), Int(x.Left, s), Int(x.Right, s)),
        CondExpr x => Condition(Bool(x.Condition, s), Int(x.Then, s), Int(x.Else, s)),
        QuantExpr { Quantifier: Quantifier.Count } x => Count(x, s),
        _ when IsBoolNode(e) => ToInt(Bool(e, s)),
        _ => throw Missing(e),
    };

    /// <summary>The truth of <paramref name="e"/> (non-zero), as a C# bool.</summary>
    public Code Bool(Expr e, string s) => e switch
    {
        UnaryExpr { Op: UnaryOp.Not } x => Not(Bool(x.Operand, s)),
        BinaryExpr { Op: BinaryOp.And } x => And(Bool(x.Left, s), Bool(x.Right, s)),
        BinaryExpr { Op: BinaryOp.Or } x => Or(Bool(x.Left, s), Bool(x.Right, s)),
        BinaryExpr { Op: BinaryOp.Implies } x => Or(Not(Bool(x.Left, s)), Bool(x.Right, s)),
        BinaryExpr { Op: BinaryOp.Iff } x => new($"({Bool(x.Left, s)} == {Bool(x.Right, s)})"),
        BinaryExpr { Op: BinaryOp.Equal } x => new($"({Int(x.Left, s)} == {Int(x.Right, s)})"),
        BinaryExpr { Op: BinaryOp.NotEqual } x => new($"({Int(x.Left, s)} != {Int(x.Right, s)})"),
        BinaryExpr { Op: BinaryOp.Less } x => new($"({Int(x.Left, s)} < {Int(x.Right, s)})"),
        BinaryExpr { Op: BinaryOp.LessEqual } x => new($"({Int(x.Left, s)} <= {Int(x.Right, s)})"),
        BinaryExpr { Op: BinaryOp.Greater } x => new($"({Int(x.Left, s)} > {Int(x.Right, s)})"),
        BinaryExpr { Op: BinaryOp.GreaterEqual } x => new($"({Int(x.Left, s)} >= {Int(x.Right, s)})"),
        QuantExpr { Quantifier: Quantifier.Forall } x => Quantify(x, s, forall: true),
        QuantExpr { Quantifier: Quantifier.Exists } x => Quantify(x, s, forall: false),
        HunkExpr x => Code.Bool(variant.Applies(x.Hunk)),
        _ when IsIntNode(e) => new($"({Int(e, s)} != 0)"),
        _ => throw Missing(e),
    };

    // The same partition of node kinds as ExprCompiler's: a node in neither is reported missing.
    private static bool IsIntNode(Expr e) => e switch
    {
        LiteralExpr or VarExpr or IndexExpr or LocalExpr or CondExpr => true,
        UnaryExpr u => u.Op is UnaryOp.Negate,
        BinaryExpr b => Core.Evaluation.IntegerOps.IsArithmetic(b.Op),
        QuantExpr q => q.Quantifier is Quantifier.Count,
        _ => false,
    };

    private static bool IsBoolNode(Expr e) => e switch
    {
        HunkExpr => true,
        UnaryExpr u => u.Op is UnaryOp.Not,
        BinaryExpr b => b.Op is BinaryOp.And or BinaryOp.Or or BinaryOp.Implies or BinaryOp.Iff or BinaryOp.Equal or BinaryOp.NotEqual
            or BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual,
        QuantExpr q => q.Quantifier is Quantifier.Forall or Quantifier.Exists,
        _ => false,
    };

    /// <summary>The slot a scalar variable or array element denotes (a constant when the indices are).</summary>
    public Code Slot(Expr location, string s)
    {
        switch (location)
        {
            case VarExpr v:
                return Code.Int(v.Var.FirstSlot);
            case IndexExpr ix:
                var array = (ArrayType)ix.Array.Type;
                var stride = Types.SlotCount(array.Element);
                var baseSlot = Slot(ix.Array, s);
                var ordinal = Ordinal(array.Index, Int(ix.Index, s));
                if (baseSlot.Value is int b && ordinal.Value is int o)
                {
                    return Code.Int(b + (o * stride));
                }

                return new($"({baseSlot} + {(stride == 1 ? ordinal.Text : $"{ordinal} * {stride}")})");
            default:
                throw new InvalidOperationException($"not a location: {location}");
        }
    }

    /// <summary>The ordinal of <paramref name="value"/> in <paramref name="type"/>; a model error when it has none.</summary>
    public static Code Ordinal(ScalarType type, Code value) => value.Value is int v
        ? type.OrdinalOf(v) is var o and >= 0 ? Code.Int(o) : Fail
        : new($"CompiledChecks.Ordinal({value}, {Code.Int(ExprCompiler.Lo(type))}, {type.Count})");

    /// <summary><paramref name="value"/> checked to be a value of <paramref name="type"/>.</summary>
    public static Code InRange(ScalarType type, Code value) => value.Value is int v
        ? type.OrdinalOf(v) >= 0 ? value : Fail
        : new($"CompiledChecks.InRange({value}, {Code.Int(ExprCompiler.Lo(type))}, {type.Count})");

    private static Code Fail => new("CompiledChecks.FailInt()");

    /// <summary>The parameters and arguments that pass every bound, non-constant local on to a helper.</summary>
    public (string Parameters, string Arguments) Captured(string s)
    {
        var bound = locals.Values.Where(c => !c.IsConstant).Select(c => c.Text).Distinct().ToList();
        return (string.Concat(bound.Select(n => $", int {n}")), string.Concat(bound.Select(n => $", {n}")));
    }

    private Code Quantify(QuantExpr e, string s, bool forall)
    {
        var domain = e.Variable.Domain;
        var lo = ExprCompiler.Lo(domain);
        if (domain.Count <= ExprCompiler.UnrollLimit)
        {
            Code? result = null;
            for (var k = 0; k < domain.Count; k++)
            {
                var previous = Bind(e.Variable, Code.Int(lo + k));
                var term = Bool(e.Body, s);
                Restore(e.Variable, previous);
                result = result is not { } r ? term : forall ? And(r, term) : Or(r, term);
            }

            return result ?? Code.Bool(forall);
        }

        // forall: the first value where the body fails ends the loop (and exists: where it holds).
        var v = Fresh("q");
        var saved = Bind(e.Variable, new Code(v));
        var body = Bool(e.Body, s);
        Restore(e.Variable, saved);
        var test = forall ? Not(body) : body;
        return Helper("bool", s, $"for (var {v} = {Code.Int(lo)}; {v} <= {Code.Int(lo + domain.Count - 1)}; {v}++) {{ if ({test}) return {(!forall ? "true" : "false")}; }} return {(forall ? "true" : "false")};");
    }

    private Code Count(QuantExpr e, string s)
    {
        var domain = e.Variable.Domain;
        var lo = ExprCompiler.Lo(domain);
        var body = new StringBuilder("var count = 0;");
        if (domain.Count <= ExprCompiler.UnrollLimit)
        {
            for (var k = 0; k < domain.Count; k++)
            {
                var previous = Bind(e.Variable, Code.Int(lo + k));
                body.Append($" if ({Bool(e.Body, s)}) count++;");
                Restore(e.Variable, previous);
            }
        }
        else
        {
            var v = Fresh("c");
            var saved = Bind(e.Variable, new Code(v));
            body.Append($" for (var {v} = {Code.Int(lo)}; {v} <= {Code.Int(lo + domain.Count - 1)}; {v}++) {{ if ({Bool(e.Body, s)}) count++; }}");
            Restore(e.Variable, saved);
        }

        return Helper("int", s, body.Append(" return count;").ToString());
    }

    /// <summary>A helper method of the given body over the state <paramref name="s"/> and the bound locals, and a call to it.</summary>
    private Code Helper(string type, string s, string body)
    {
        var name = Fresh("H");
        var (parameters, arguments) = Captured(s);
        Helpers.AppendLine($"    private static {type} {name}(ref int {s}{parameters}) {{ {body} }}");
        return new($"{name}(ref {s}{arguments})");
    }

    /// <summary>A checked call on its operands, computed now when they are constants (unless it fails: then it fails at run time).</summary>
    private static Code Checked(string method, params Code[] args)
    {
        if (args.All(a => a.Value is int))
        {
            try
            {
                var value = typeof(CompiledChecks).GetMethod(method)!.Invoke(null, [.. args.Select(a => a.Value)]);
                return Code.Int((int)value!);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is CompiledModelError)
            {
            }
        }

        return new($"CompiledChecks.{method}({string.Join(", ", args.Select(a => a.Text))})");
    }

    private static Code Condition(Code c, Code then, Code otherwise) => c.Value is bool b ? (b ? then : otherwise) : new($"({c} ? {then} : {otherwise})");

    // Short-circuit connectives, folded when a side is known (hunks make many guards constant).
    public static Code And(Code l, Code r) => l.Value is bool a ? (a ? r : l) : r.Value is true ? l : new($"({l} && {r})");

    public static Code Or(Code l, Code r) => l.Value is bool a ? (a ? l : r) : r.Value is false ? l : new($"({l} || {r})");

    public static Code Not(Code e) => e.Value is bool b ? Code.Bool(!b) : new($"!{e}");

    private static Code ToInt(Code condition) => condition.Value is bool b ? Code.Int(b ? 1 : 0) : new($"({condition} ? 1 : 0)");

    private static NotSupportedException Missing(Expr e) => new(
        $"the generated successor function has no case for {e.GetType().Name}{e switch { UnaryExpr u => $" {u.Op}", BinaryExpr b => $" {b.Op}", QuantExpr q => $" {q.Quantifier}", _ => "" }}; add it to {nameof(CSharpExprWriter)}");
}
