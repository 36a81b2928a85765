using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit.Compiled;

namespace HvModel.Tests.Explicit.Compiled;

/// <summary>
/// Every IR node kind, operator and quantifier has a compiled form that computes what the
/// interpreter computes. The samples are built from the IR's own enumerations and types, so a
/// node or operator added to the IR without a compiled case fails here (the compiler throws
/// <see cref="NotSupportedException"/> for it: loudly, never a silent wrong value).
/// </summary>
public class CompiledExhaustivenessTests
{
    private static readonly SourceSpan At = SourceSpan.None;

    private static readonly Model Model = Check.Load("""
        model nodes
        type I = 0 .. 2
        var x: 0 .. 9 = 7
        var a: array[I] of 0 .. 9 = 4
        hunk h
        variant v = { h }
        action go do
          note "a note"
          for i: I do a[i] := 1 end
          any n: 0 .. 2 where n != 1 do
            let k = n + 1 in
              if k > 1 then x := k else x := 0 end
            end
          end
        end
        """);

    private static Expr X => new VarExpr(Model.Vars.Single(v => v.Name == "x"), At);

    private static Expr Lit(int value) => new LiteralExpr(value, IntType.Instance, At);

    private static IEnumerable<(string Name, Expr Expr)> Samples()
    {
        var a = Model.Vars.Single(v => v.Name == "a");
        var index = ((ArrayType)a.Type).Index;
        var k = new Local("k", index, 0);
        yield return ("literal", Lit(5));
        yield return ("var", X);
        yield return ("index", new IndexExpr(new VarExpr(a, At), Lit(1), ((ArrayType)a.Type).Element, At));
        yield return ("local", new QuantExpr(Quantifier.Count, k, new BinaryExpr(BinaryOp.Equal, new LocalExpr(k, At), Lit(1), BoolType.Instance, At), IntType.Instance, At));
        yield return ("cond", new CondExpr(new BinaryExpr(BinaryOp.Greater, X, Lit(3), BoolType.Instance, At), Lit(1), Lit(2), IntType.Instance, At));
        yield return ("hunk", new HunkExpr(Model.Hunks[0], At));
        foreach (var op in Enum.GetValues<UnaryOp>())
        {
            yield return ($"unary {op}", new UnaryExpr(op, X, IntType.Instance, At));
        }

        foreach (var op in Enum.GetValues<BinaryOp>())
        {
            yield return ($"binary {op}", new BinaryExpr(op, X, Lit(3), IntType.Instance, At));
            yield return ($"binary {op} with a zero", new BinaryExpr(op, Lit(0), X, IntType.Instance, At));
        }

        foreach (var q in Enum.GetValues<Quantifier>())
        {
            var body = new BinaryExpr(BinaryOp.Less, new LocalExpr(k, At), Lit(1), BoolType.Instance, At);
            yield return ($"quantifier {q}", new QuantExpr(q, k, body, q == Quantifier.Count ? IntType.Instance : BoolType.Instance, At));
        }
    }

    [Fact]
    public void Every_expression_node_kind_has_a_sample()
    {
        var kinds = typeof(Expr).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Expr)) && !t.IsAbstract).Select(t => t.Name).Order();
        var sampled = Samples().SelectMany(s => Nodes(s.Expr)).Select(e => e.GetType().Name).Distinct().Order();

        Assert.Equal(kinds, sampled);
    }

    [Fact]
    public void Every_expression_node_and_operator_compiles_to_the_interpreters_value()
    {
        var variant = Model.Variants[0];
        var semantics = new Semantics(Model, variant);
        var state = semantics.ZeroState();
        state[Model.Vars.Single(v => v.Name == "x").FirstSlot] = 7;
        foreach (var (name, expr) in Samples())
        {
            var compiled = CompiledSuccessors.CompileExpression(expr, variant);

            Assert.True(semantics.Evaluate(expr, state) == compiled(state), $"{name}: interpreted {semantics.Evaluate(expr, state)}, compiled {compiled(state)}");
        }
    }

    [Fact]
    public void Every_statement_kind_compiles_to_the_interpreters_successors()
    {
        var kinds = typeof(Stmt).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Stmt)) && !t.IsAbstract).Select(t => t.Name).Order();
        var used = Statements(Model.Actions.Single().Body).Select(s => s.GetType().Name).Distinct().Order();

        Assert.Equal(kinds, used);
        var coverage = SuccessorDifferential.Compare(Model, Model.Variants[0]);
        Assert.True(coverage.Transitions >= 2);
    }

    [Fact]
    public void A_node_without_a_compiled_form_is_refused_when_compiling()
    {
        var unknown = new BinaryExpr((BinaryOp)999, X, Lit(1), IntType.Instance, At);

        var e = Assert.Throws<NotSupportedException>(() => CompiledSuccessors.CompileExpression(unknown, Model.Variants[0]));
        Assert.Contains("no case for BinaryExpr 999", e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Expr> Nodes(Expr e) => e switch
    {
        IndexExpr x => [e, .. Nodes(x.Array), .. Nodes(x.Index)],
        UnaryExpr x => [e, .. Nodes(x.Operand)],
        BinaryExpr x => [e, .. Nodes(x.Left), .. Nodes(x.Right)],
        CondExpr x => [e, .. Nodes(x.Condition), .. Nodes(x.Then), .. Nodes(x.Else)],
        QuantExpr x => [e, .. Nodes(x.Body)],
        _ => [e],
    };

    private static IEnumerable<Stmt> Statements(Stmt s) => s switch
    {
        BlockStmt b => [s, .. b.Statements.SelectMany(Statements)],
        IfStmt i => [s, .. Statements(i.Then), .. Statements(i.Else)],
        ForStmt f => [s, .. Statements(f.Body)],
        AnyStmt a => [s, .. Statements(a.Body)],
        LetStmt l => [s, .. Statements(l.Body)],
        _ => [s],
    };
}
