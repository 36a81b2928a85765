using System.Linq.Expressions;
using HvModel.Core.Ir;
using static System.Linq.Expressions.Expression;
using LinqExpr = System.Linq.Expressions.Expression;

namespace HvModel.Explicit.Compiled;

/// <summary>One action compiled: every instance (argument tuple) of it, each guarded, in the interpreter's order.</summary>
public delegate void TransitionFunction(int[] state, int[][] scratch, SuccessorBuffer buffer);

/// <summary>
/// Compiles an action into one <see cref="TransitionFunction"/>. The parameters of each
/// instance are constants. Statements without <c>any</c> compile straight into assignments on
/// the working array; a statement with <c>any</c> is compiled in continuation-passing style
/// at compile time: the rest of the body is generated inside the loop over the choice, on a
/// copy of the array made at the branch point (one preallocated array per nesting depth), so
/// nothing is allocated and no closure runs per transition. The order of the outcomes is the
/// interpreter's (<c>StmtExecutor</c>).
/// </summary>
internal sealed class StmtCompiler(Variant variant)
{
    private readonly ExprCompiler ex = new(variant);
    private readonly List<ParameterExpression> depthArrays = [];
    private ParameterExpression scratch = Parameter(typeof(int[][]), "scratch");
    private ParameterExpression buffer = Parameter(typeof(SuccessorBuffer), "buffer");

    /// <summary>Working arrays the compiled code needs, one per nesting depth of <c>any</c> plus one.</summary>
    public int Depth { get; private set; } = 1;

    public ExprCompiler Expressions => ex;

    /// <summary>The transition function of <paramref name="action"/>; instance k of it is numbered <paramref name="firstInstance"/> + k.</summary>
    public Expression<TransitionFunction> Action(ActionDef action, IReadOnlyList<int[]> instanceArgs, int firstInstance)
    {
        var state = Parameter(typeof(int[]), "state");
        scratch = Parameter(typeof(int[][]), "scratch");
        buffer = Parameter(typeof(SuccessorBuffer), "buffer");
        var parts = new List<LinqExpr>();
        for (var k = 0; k < instanceArgs.Count; k++)
        {
            var args = instanceArgs[k];
            var saved = new LinqExpr?[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                saved[i] = ex.Bind(action.Parameters[i], Constant(args[i]));
            }

            var guard = ex.Bool(action.Guard, state);
            if (guard is not ConstantExpression { Value: false })
            {
                var run = OnCopy(action.Body, state, firstInstance + k);
                parts.Add(guard is ConstantExpression ? run : IfThen(guard, run));
            }

            for (var i = args.Length - 1; i >= 0; i--)
            {
                ex.Restore(action.Parameters[i], saved[i]);
            }
        }

        return Lambda<TransitionFunction>(parts.Count == 0 ? Empty() : Block(parts), action.Name, [state, scratch, buffer]);
    }

    /// <summary>
    /// The init block as a transition function: its outcomes from the state given, in the
    /// interpreter's order, each handed to the buffer as instance 0. Every value a choice
    /// examines is reported (<see cref="SuccessorBuffer.Choice"/>), as the interpreter reports
    /// it, so that the limits also bound a choice that finds few outcomes in a huge range.
    /// </summary>
    public Expression<TransitionFunction> Init(Stmt block)
    {
        var state = Parameter(typeof(int[]), "state");
        scratch = Parameter(typeof(int[][]), "scratch");
        buffer = Parameter(typeof(SuccessorBuffer), "buffer");
        reportChoices = true;
        var run = OnCopy(block, state, 0);
        reportChoices = false;
        return Lambda<TransitionFunction>(run, "init", [state, scratch, buffer]);
    }

    /// <summary>Runs <paramref name="body"/> on a copy of <paramref name="state"/>, each outcome added to the buffer as instance <paramref name="id"/>.</summary>
    private LinqExpr OnCopy(Stmt body, ParameterExpression state, int id)
    {
        depthArrays.Clear();
        var work = DepthArray(0);
        var code = Cps(body, work, 0, (st, _) => Call(buffer, nameof(SuccessorBuffer.Add), null, Constant(id), st));
        var loads = depthArrays.Select((a, d) => (LinqExpr)Assign(a, ArrayIndex(scratch, Constant(d))));
        return Block(depthArrays, loads.Append(CopyArray(state, work)).Append(code));
    }

    // While the init block is compiled: report each value a choice examines.
    private bool reportChoices;

    private ParameterExpression DepthArray(int depth)
    {
        while (depthArrays.Count <= depth)
        {
            depthArrays.Add(Variable(typeof(int[]), $"work{depthArrays.Count}"));
        }

        Depth = Math.Max(Depth, depth + 1);
        return depthArrays[depth];
    }

    private static LinqExpr CopyArray(LinqExpr from, LinqExpr to) => Call(typeof(SuccessorBuffer), nameof(SuccessorBuffer.Copy), null, from, to);

    /// <summary>Runs <paramref name="stmt"/> on <paramref name="st"/>, then the continuation once per outcome.</summary>
    private LinqExpr Cps(Stmt stmt, ParameterExpression st, int depth, Func<ParameterExpression, int, LinqExpr> k)
    {
        if (!Branches(stmt))
        {
            return Block(Direct(stmt, st), k(st, depth));
        }

        switch (stmt)
        {
            case BlockStmt b:
                return Sequence(b, 0, st, depth, k);
            case IfStmt i:
                var condition = ex.Bool(i.Condition, st);
                return condition is ConstantExpression { Value: bool c }
                    ? Cps(c ? i.Then : i.Else, st, depth, k)
                    : IfThenElse(condition, Cps(i.Then, st, depth, k), Cps(i.Else, st, depth, k));
            case ForStmt f:
                return Iterate(f, 0, st, depth, k);
            case LetStmt l:
                return Let(l, st, () => Cps(l.Body, st, depth, k));
            case AnyStmt a:
            {
                var branch = DepthArray(depth + 1);
                return ex.ForEach(
                    a.Variable,
                    () =>
                    {
                        var run = Block(CopyArray(st, branch), Cps(a.Body, branch, depth + 1, k));
                        LinqExpr examine;
                        if (a.Where is null)
                        {
                            examine = run;
                        }
                        else
                        {
                            var where = ex.Bool(a.Where, st);
                            examine = where is ConstantExpression { Value: bool w } ? (w ? run : Empty()) : IfThen(where, run);
                        }

                        return reportChoices ? Block(Call(buffer, nameof(SuccessorBuffer.Choice), null), examine) : examine;
                    },
                    unroll: false);
            }

            default:
                throw new NotSupportedException($"the compiled successor function has no case for {stmt.GetType().Name}; add it to {nameof(StmtCompiler)}");
        }
    }

    private LinqExpr Sequence(BlockStmt block, int from, ParameterExpression st, int depth, Func<ParameterExpression, int, LinqExpr> k) =>
        from == block.Statements.Length
            ? k(st, depth)
            : Cps(block.Statements[from], st, depth, (after, d) => Sequence(block, from + 1, after, d, k));

    // A loop whose body branches is unrolled: iteration n+1 is the continuation of iteration n.
    private LinqExpr Iterate(ForStmt loop, int ordinal, ParameterExpression st, int depth, Func<ParameterExpression, int, LinqExpr> k)
    {
        var domain = loop.Variable.Domain;
        if (ordinal == domain.Count)
        {
            return k(st, depth);
        }

        var saved = ex.Bind(loop.Variable, Constant(domain.FirstValue + ordinal));
        var code = Cps(loop.Body, st, depth, (after, d) => Iterate(loop, ordinal + 1, after, d, k));
        ex.Restore(loop.Variable, saved);
        return code;
    }

    /// <summary>A statement without <c>any</c>: exactly one outcome, run in place.</summary>
    private LinqExpr Direct(Stmt stmt, ParameterExpression st)
    {
        switch (stmt)
        {
            case AssignStmt a:
                var type = (ScalarType)a.Target.Type;
                return Assign(ArrayAccess(st, ex.Slot(a.Target, st)), ExprCompiler.InRange(type, ex.Int(a.Value, st)));
            case BlockStmt b:
                return b.Statements.Length == 0 ? Empty() : Block(b.Statements.Select(s => Direct(s, st)));
            case IfStmt i:
                var condition = ex.Bool(i.Condition, st);
                return condition is ConstantExpression { Value: bool c }
                    ? Direct(c ? i.Then : i.Else, st)
                    : IfThenElse(condition, Direct(i.Then, st), Direct(i.Else, st));
            case ForStmt f:
                return ex.ForEach(f.Variable, () => Direct(f.Body, st));
            case LetStmt l:
                return Let(l, st, () => Direct(l.Body, st));
            case NoteStmt:
                // Notes are story lines for traces, which the interpreter rebuilds.
                return Empty();
            default:
                throw new NotSupportedException($"the compiled successor function has no case for {stmt.GetType().Name}; add it to {nameof(StmtCompiler)}");
        }
    }

    private LinqExpr Let(LetStmt l, ParameterExpression st, Func<LinqExpr> body)
    {
        var value = ex.Int(l.Value, st);
        if (l.Variable.Type is ScalarType domain)
        {
            value = ExprCompiler.InRange(domain, value);
        }

        if (value is ConstantExpression)
        {
            var saved = ex.Bind(l.Variable, value);
            var code = body();
            ex.Restore(l.Variable, saved);
            return code;
        }

        var v = Variable(typeof(int), l.Variable.Name);
        var previous = ex.Bind(l.Variable, v);
        var result = Block([v], Assign(v, value), body());
        ex.Restore(l.Variable, previous);
        return result;
    }

    private static bool Branches(Stmt stmt) => StmtFacts.HasChoice(stmt);
}
