using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>Bodies: the init block, actions, properties, statements and procedure inlining.</summary>
public sealed partial class Binder
{
    private Stmt BindInit(IReadOnlyList<DeclSyntax> decls)
    {
        BeginFrame();
        var stmts = ImmutableArray.CreateBuilder<Stmt>();
        foreach (var d in decls.OfType<VarDecl>())
        {
            var v = ((VarSymbol)globals[d.Name]).Var;
            stmts.Add(InitialValue(v, new VarExpr(v, d.Span), v.Type, d));
        }

        foreach (var d in decls.OfType<InitDecl>())
        {
            stmts.Add(BindBlock(d.Body, Scope.Empty, d.Span));
        }

        return new BlockStmt(stmts.ToImmutable(), SourceSpan.None);
    }

    /// <summary>The statement that gives every element of <paramref name="location"/> its declared initial value.</summary>
    private Stmt InitialValue(StateVar v, Expr location, HvType type, VarDecl d)
    {
        if (type is ArrayType a)
        {
            var i = NewLocal($"{v.Name}#index", a.Index);
            var element = new IndexExpr(location, new LocalExpr(i, d.Span), a.Element, d.Span);
            return new ForStmt(i, InitialValue(v, element, a.Element, d), d.Span);
        }

        var scalar = (ScalarType)type;
        if (d.Initial is not null)
        {
            return new AssignStmt(location, CheckedInitial(d.Initial, scalar, d.Name), d.Initial.Span);
        }

        // 'in {a, b}' or no initialiser: a nondeterministic initial choice.
        var choice = NewLocal($"{v.Name}#init", scalar);
        var equalities = (d.Choices ?? [])
            .Select(c => (Expr)new BinaryExpr(BinaryOp.Equal, new LocalExpr(choice, c.Span), CheckedInitial(c, scalar, d.Name), BoolType.Instance, c.Span))
            .ToList();
        var where = equalities.Count == 0 ? null : AnyOf(equalities, 0, equalities.Count);
        return new AnyStmt(choice, where, new AssignStmt(location, new LocalExpr(choice, d.Span), d.Span), d.Span);
    }

    // A balanced 'or' of the choices: a long list ('in {a, b, ...}' of thousands) stays shallow
    // for every recursive pass (evaluator, compiler, SMT translator).
    private static Expr AnyOf(List<Expr> items, int from, int to) => to - from == 1
        ? items[from]
        : new BinaryExpr(BinaryOp.Or, AnyOf(items, from, (from + to) / 2), AnyOf(items, (from + to) / 2, to), BoolType.Instance, items[from].Span);

    private Expr CheckedInitial(ExprSyntax syntax, ScalarType type, string name)
    {
        var e = BindExpr(syntax, Scope.Empty);
        if (!Types.Compatible(e.Type, type))
        {
            throw new ModelError(syntax.Span, $"initial value of '{name}' has type {e.Type.Display}, expected {type.Display}");
        }

        if (e is LiteralExpr lit && type.OrdinalOf(lit.Value) < 0)
        {
            throw new ModelError(syntax.Span, $"initial value {lit.Value} of '{name}' is out of range {type.Display}");
        }

        return e;
    }

    private ActionDef BindAction(ActionDecl a)
    {
        BeginFrame();
        var scope = Scope.Empty;
        var ps = ImmutableArray.CreateBuilder<Local>();
        foreach (var p in a.Parameters)
        {
            var local = NewLocal(p.Name, ResolveScalarType(p.Type));
            ps.Add(local);
            scope = scope.With(local);
        }

        Expr guard = new LiteralExpr(1, BoolType.Instance, a.Span);
        if (a.Guard is not null)
        {
            guard = BindExpr(a.Guard, scope);
            RequireBool(guard, "'when'");
        }

        var body = BindBlock(a.Body, scope, a.Span);
        return new ActionDef(a.Name, ps.ToImmutable(), a.Calls, guard, body, a.Span);
    }

    private PropertyDef BindProperty(PropertyDecl p)
    {
        BeginFrame();
        var e = BindExpr(p.Predicate, Scope.Empty);
        RequireBool(e, $"{(p.Kind == PropertyKind.Cover ? "cover" : p.IsLemma ? "lemma" : "invariant")} '{p.Name}'");
        return new PropertyDef(p.Name, p.Description, p.Kind, e, p.Span) { IsLemma = p.IsLemma };
    }

    private BlockStmt BindBlock(IReadOnlyList<StmtSyntax> body, Scope scope, SourceSpan span) =>
        new([.. body.Select(s => BindStmt(s, scope))], span);

    private Stmt BindStmt(StmtSyntax syntax, Scope scope)
    {
        if (++statementNesting > MaxStatementDepth)
        {
            throw new ModelError(syntax.Span, $"statements nested more than {MaxStatementDepth} levels deep once procedures are inlined");
        }

        try
        {
            return BindStmtNode(syntax, scope);
        }
        finally
        {
            statementNesting--;
        }
    }

    private Stmt BindStmtNode(StmtSyntax syntax, Scope scope)
    {
        switch (syntax)
        {
            case AssignSyntax a:
                return BindAssign(a, scope);
            case IfSyntax i:
            {
                Stmt result = BindBlock(i.Else, scope, i.Span);
                for (var k = i.Arms.Count - 1; k >= 0; k--)
                {
                    var cond = BindExpr(i.Arms[k].Condition, scope);
                    RequireBool(cond, "'if'");
                    result = new IfStmt(cond, BindBlock(i.Arms[k].Body, scope, i.Span), result, i.Span);
                }

                return result;
            }

            case ForSyntax f:
            {
                var local = NewLocal(f.Variable, ResolveScalarType(f.Type));
                return new ForStmt(local, BindBlock(f.Body, scope.With(local), f.Span), f.Span);
            }

            case AnySyntax a:
            {
                var local = NewLocal(a.Variable, ResolveScalarType(a.Type));
                var inner = scope.With(local);
                Expr? where = null;
                if (a.Where is not null)
                {
                    where = BindExpr(a.Where, inner);
                    RequireBool(where, "'where'");
                }

                return new AnyStmt(local, where, BindBlock(a.Body, inner, a.Span), a.Span);
            }

            case LetSyntax l:
            {
                var value = BindExpr(l.Value, scope);
                RequireScalar(value);
                var local = NewLocal(l.Variable, value.Type);
                return new LetStmt(local, value, BindBlock(l.Body, scope.With(local), l.Span), l.Span);
            }

            case NoteSyntax n:
                return new NoteStmt(n.Text, n.Span);
            case SkipSyntax s:
                return new BlockStmt([], s.Span);
            case CallStmtSyntax c:
                return BindProcedureCall(c, scope);
            default:
                throw new InvalidOperationException(syntax.ToString());
        }
    }

    private AssignStmt BindAssign(AssignSyntax a, Scope scope)
    {
        var target = BindExpr(a.Target, scope);
        if (!IsStateLocation(target))
        {
            throw new ModelError(a.Target.Span, "only state variables and their elements can be assigned");
        }

        if (target.Type is not ScalarType t)
        {
            throw new ModelError(a.Target.Span, "a whole array cannot be assigned; assign its elements (a 'for' loop)");
        }

        var value = BindExpr(a.Value, scope);
        if (!Types.Compatible(value.Type, t))
        {
            throw new ModelError(a.Value.Span, $"cannot assign a value of type {value.Type.Display} to a location of type {t.Display}");
        }

        if (value is LiteralExpr lit && t.OrdinalOf(lit.Value) < 0)
        {
            throw new ModelError(a.Value.Span, $"value {lit.Value} is out of range {t.Display}");
        }

        return new AssignStmt(target, value, a.Span);
    }

    private static bool IsStateLocation(Expr e) => e switch
    {
        VarExpr => true,
        IndexExpr ix => IsStateLocation(ix.Array),
        _ => false,
    };

    private Stmt BindProcedureCall(CallStmtSyntax c, Scope scope)
    {
        if (!globals.TryGetValue(c.Name, out var symbol))
        {
            throw new ModelError(c.Span, $"unknown procedure '{c.Name}'");
        }

        if (symbol is not ProcedureSymbol proc)
        {
            throw new ModelError(c.Span, $"'{c.Name}' is {Article(symbol.Kind)} {symbol.Kind}, not a procedure");
        }

        var d = proc.Decl;
        if (c.Args.Count != d.Parameters.Count)
        {
            throw new ModelError(c.Span, $"'{c.Name}' takes {d.Parameters.Count} argument(s), not {c.Args.Count}");
        }

        if (inlining.Contains(c.Name))
        {
            throw new ModelError(c.Span, $"'{c.Name}' calls itself: procedures cannot be recursive");
        }

        // Arguments are evaluated once, at the call, and bound by value; the body sees only
        // its parameters and the globals.
        var args = new List<(Local, Expr)>();
        var inner = Scope.Empty;
        for (var i = 0; i < c.Args.Count; i++)
        {
            var arg = BindExpr(c.Args[i], scope);
            var ptype = ResolveScalarType(d.Parameters[i].Type);
            if (!Types.Compatible(arg.Type, ptype))
            {
                throw new ModelError(c.Args[i].Span, $"argument '{d.Parameters[i].Name}' of '{c.Name}' expects {ptype.Display}, got {arg.Type.Display}");
            }

            var local = NewLocal(d.Parameters[i].Name, ptype);
            args.Add((local, arg));
            inner = inner.With(local);
        }

        inlining.Push(c.Name);
        Stmt body;
        try
        {
            body = BindBlock(d.Body, inner, c.Span);
        }
        finally
        {
            inlining.Pop();
        }

        for (var i = args.Count - 1; i >= 0; i--)
        {
            body = new LetStmt(args[i].Item1, args[i].Item2, body, c.Span);
        }

        return body;
    }
}
