using System.Linq.Expressions;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using static System.Linq.Expressions.Expression;
using LinqExpr = System.Linq.Expressions.Expression;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// Translates IR expressions into System.Linq.Expressions over a flat state array (one int per
/// slot, as the interpreter's). Bound names are compile-time substitutions: an action
/// parameter or an unrolled loop variable becomes a constant, so most array indices fold into
/// fixed slots. Every check the interpreter makes (index bounds, 32-bit overflow) is kept and
/// raises <see cref="CompiledModelError"/>. A node kind or operator without a case here throws
/// <see cref="NotSupportedException"/> when compiling: never a silent wrong answer.
/// </summary>
internal sealed class ExprCompiler(Variant variant)
{
    /// <summary>Domains up to this size are unrolled (their variable becomes a constant); larger ones loop.</summary>
    public const int UnrollLimit = 16;

    private readonly Dictionary<Local, LinqExpr> locals = new(ReferenceEqualityComparer.Instance);

    /// <summary>Binds <paramref name="local"/> to <paramref name="value"/>; returns what it was bound to before.</summary>
    public LinqExpr? Bind(Local local, LinqExpr value)
    {
        locals.TryGetValue(local, out var previous);
        locals[local] = value;
        return previous;
    }

    public void Restore(Local local, LinqExpr? previous)
    {
        if (previous is null)
        {
            locals.Remove(local);
        }
        else
        {
            locals[local] = previous;
        }
    }

    /// <summary>The value of <paramref name="e"/> as an int (bools 0/1), reading <paramref name="state"/>.</summary>
    public LinqExpr Int(Expr e, LinqExpr state) => e switch
    {
        LiteralExpr x => Constant(x.Value),
        VarExpr x => ArrayIndex(state, Constant(x.Var.FirstSlot)),
        IndexExpr x => ArrayIndex(state, Slot(x, state)),
        LocalExpr x => locals.TryGetValue(x.Local, out var bound) ? bound : throw new InvalidOperationException($"'{x.Local.Name}' is not bound"),
        UnaryExpr { Op: UnaryOp.Negate } x => Fold(Call(typeof(CompiledChecks), nameof(CompiledChecks.Negate), null, Int(x.Operand, state))),
        BinaryExpr { Op: BinaryOp.Add } x => Arith(nameof(CompiledChecks.Add), x, state),
        BinaryExpr { Op: BinaryOp.Subtract } x => Arith(nameof(CompiledChecks.Subtract), x, state),
        BinaryExpr { Op: BinaryOp.Multiply } x => Arith(nameof(CompiledChecks.Multiply), x, state),
        BinaryExpr x when IntegerOps.IsArithmetic(x.Op) =>
            Fold(Call(typeof(CompiledChecks), nameof(CompiledChecks.Apply), null, Constant((int)x.Op), Int(x.Left, state), Int(x.Right, state))),
        CondExpr x => Condition(Bool(x.Condition, state), Int(x.Then, state), Int(x.Else, state)),
        QuantExpr { Quantifier: Quantifier.Count } x => Count(x, state),
        _ when IsBoolNode(e) => ToInt(Bool(e, state)),
        _ => throw Missing(e),
    };

    /// <summary>The truth of <paramref name="e"/> (non-zero), as a bool expression.</summary>
    public LinqExpr Bool(Expr e, LinqExpr state) => e switch
    {
        UnaryExpr { Op: UnaryOp.Not } x => NotB(Bool(x.Operand, state)),
        BinaryExpr x when x.Op is BinaryOp.And => And(Bool(x.Left, state), Bool(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.Or => Or(Bool(x.Left, state), Bool(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.Implies => Or(NotB(Bool(x.Left, state)), Bool(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.Iff => LinqExpr.Equal(Bool(x.Left, state), Bool(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.Equal => LinqExpr.Equal(Int(x.Left, state), Int(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.NotEqual => LinqExpr.NotEqual(Int(x.Left, state), Int(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.Less => LessThan(Int(x.Left, state), Int(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.LessEqual => LessThanOrEqual(Int(x.Left, state), Int(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.Greater => GreaterThan(Int(x.Left, state), Int(x.Right, state)),
        BinaryExpr x when x.Op is BinaryOp.GreaterEqual => GreaterThanOrEqual(Int(x.Left, state), Int(x.Right, state)),
        QuantExpr { Quantifier: Quantifier.Forall } x => Quantify(x, state, forall: true),
        QuantExpr { Quantifier: Quantifier.Exists } x => Quantify(x, state, forall: false),
        HunkExpr x => Constant(variant.Applies(x.Hunk)),
        _ when IsIntNode(e) => NotEqual(Int(e, state), Constant(0)),
        _ => throw Missing(e),
    };

    // Which nodes Int and Bool compile directly: each defers to the other for the rest, and a
    // node in neither set (a new kind or operator) is reported missing, not looped on.
    private static bool IsIntNode(Expr e) => e switch
    {
        LiteralExpr or VarExpr or IndexExpr or LocalExpr or CondExpr => true,
        UnaryExpr u => u.Op is UnaryOp.Negate,
        BinaryExpr b => IntegerOps.IsArithmetic(b.Op),
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

    /// <summary>The state-array position a scalar variable or array element denotes (a constant when the indices are).</summary>
    public LinqExpr Slot(Expr location, LinqExpr state)
    {
        switch (location)
        {
            case VarExpr v:
                return Constant(v.Var.FirstSlot);
            case IndexExpr ix:
                var array = (ArrayType)ix.Array.Type;
                var stride = Types.SlotCount(array.Element);
                var baseSlot = Slot(ix.Array, state);
                var ordinal = Ordinal(array.Index, Int(ix.Index, state));
                if (baseSlot is ConstantExpression { Value: int b } && ordinal is ConstantExpression { Value: int o })
                {
                    return Constant(b + (o * stride));
                }

                return LinqExpr.Add(baseSlot, stride == 1 ? ordinal : LinqExpr.Multiply(ordinal, Constant(stride)));
            default:
                throw new InvalidOperationException($"not a location: {location}");
        }
    }

    /// <summary>The ordinal of <paramref name="value"/> in <paramref name="type"/>; a model error when it has none.</summary>
    public static LinqExpr Ordinal(ScalarType type, LinqExpr value)
    {
        var lo = type.FirstValue;
        if (value is ConstantExpression { Value: int v })
        {
            return type.OrdinalOf(v) is var o and >= 0 ? Constant(o) : Call(typeof(CompiledChecks), nameof(CompiledChecks.FailInt), null);
        }

        return Call(typeof(CompiledChecks), nameof(CompiledChecks.Ordinal), null, value, Constant(lo), Constant(type.Count));
    }

    /// <summary><paramref name="value"/> checked to be a value of <paramref name="type"/>.</summary>
    public static LinqExpr InRange(ScalarType type, LinqExpr value)
    {
        if (value is ConstantExpression { Value: int v })
        {
            return type.OrdinalOf(v) >= 0 ? value : Call(typeof(CompiledChecks), nameof(CompiledChecks.FailInt), null);
        }

        return Call(typeof(CompiledChecks), nameof(CompiledChecks.InRange), null, value, Constant(type.FirstValue), Constant(type.Count));
    }

    /// <summary>Runs <paramref name="body"/> for each value of <paramref name="variable"/>, unrolled (as constants) for small domains.</summary>
    public LinqExpr ForEach(Local variable, Func<LinqExpr> body, bool unroll = true)
    {
        var domain = variable.Domain;
        var lo = domain.FirstValue;
        if (unroll && domain.Count <= UnrollLimit)
        {
            var parts = new List<LinqExpr>();
            for (var k = 0; k < domain.Count; k++)
            {
                var previous = Bind(variable, Constant(lo + k));
                parts.Add(body());
                Restore(variable, previous);
            }

            return parts.Count == 0 ? Empty() : Block(parts);
        }

        var v = Variable(typeof(int), variable.Name);
        var end = Label("end");
        var saved = Bind(variable, v);
        var loop = Block(
            [v],
            Assign(v, Constant(lo)),
            Loop(IfThenElse(LessThanOrEqual(v, Constant(lo + domain.Count - 1)), Block(body(), PostIncrementAssign(v)), Break(end)), end));
        Restore(variable, saved);
        return loop;
    }

    private LinqExpr Quantify(QuantExpr e, LinqExpr state, bool forall)
    {
        var domain = e.Variable.Domain;
        if (domain.Count <= UnrollLimit)
        {
            LinqExpr? result = null;
            for (var k = 0; k < domain.Count; k++)
            {
                var previous = Bind(e.Variable, Constant(domain.FirstValue + k));
                var term = Bool(e.Body, state);
                Restore(e.Variable, previous);
                result = result is null ? term : forall ? And(result, term) : Or(result, term);
            }

            return result ?? Constant(forall);
        }

        // forall: the first value where the body fails ends the loop (and exists: where it holds).
        var outcome = Variable(typeof(bool), "outcome");
        var end = Label("end");
        var loop = ForEach(e.Variable, () => IfThen(forall ? Not(Bool(e.Body, state)) : Bool(e.Body, state), Block(Assign(outcome, Constant(!forall)), Break(end))));
        return Block([outcome], Assign(outcome, Constant(forall)), loop, Label(end), outcome);
    }

    private LinqExpr Count(QuantExpr e, LinqExpr state)
    {
        var count = Variable(typeof(int), "count");
        var loop = ForEach(e.Variable, () => IfThen(Bool(e.Body, state), PreIncrementAssign(count)));
        return Block([count], Assign(count, Constant(0)), loop, count);
    }

    private LinqExpr Arith(string method, BinaryExpr e, LinqExpr state) =>
        Fold(Call(typeof(CompiledChecks), method, null, Int(e.Left, state), Int(e.Right, state)));

    /// <summary>Computes a checked call on constant operands now (or leaves it, to fail at run time, if it would fail).</summary>
    private static LinqExpr Fold(MethodCallExpression call)
    {
        if (call.Arguments.All(a => a is ConstantExpression))
        {
            try
            {
                return Constant(call.Method.Invoke(null, call.Arguments.Select(a => ((ConstantExpression)a).Value).ToArray()));
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is CompiledModelError)
            {
                return call;
            }
        }

        return call;
    }

    // Short-circuit connectives, folded when a side is known (hunks make many guards constant).
    public static LinqExpr And(LinqExpr l, LinqExpr r) => l is ConstantExpression { Value: bool a }
        ? (a ? r : l)
        : r is ConstantExpression { Value: true } ? l : AndAlso(l, r);

    public static LinqExpr Or(LinqExpr l, LinqExpr r) => l is ConstantExpression { Value: bool a }
        ? (a ? l : r)
        : r is ConstantExpression { Value: false } ? l : OrElse(l, r);

    public static LinqExpr NotB(LinqExpr e) => e is ConstantExpression { Value: bool b } ? Constant(!b) : Not(e);

    private static LinqExpr ToInt(LinqExpr condition) => condition is ConstantExpression { Value: bool b }
        ? Constant(b ? 1 : 0)
        : Condition(condition, Constant(1), Constant(0));

    private static NotSupportedException Missing(Expr e) => new(
        $"the compiled successor function has no case for {e.GetType().Name}{e switch { UnaryExpr u => $" {u.Op}", BinaryExpr b => $" {b.Op}", QuantExpr q => $" {q.Quantifier}", _ => "" }}; add it to {nameof(ExprCompiler)}");
}
