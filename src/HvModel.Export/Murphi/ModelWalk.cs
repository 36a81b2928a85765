using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>Walks over the IR the Murphi exporter needs: every type a model uses, and the locals an expression reads from outside.</summary>
internal static class ModelWalk
{
    /// <summary>The expressions directly inside <paramref name="e"/>.</summary>
    public static IEnumerable<Expr> Children(Expr e) => e switch
    {
        IndexExpr ix => [ix.Array, ix.Index],
        UnaryExpr u => [u.Operand],
        BinaryExpr b => [b.Left, b.Right],
        CondExpr c => [c.Condition, c.Then, c.Else],
        QuantExpr q => [q.Body],
        _ => [],
    };

    /// <summary>The expressions a statement evaluates itself (not those of the statements inside it).</summary>
    public static IEnumerable<Expr> Expressions(Stmt s) => s switch
    {
        AssignStmt a => [a.Target, a.Value],
        IfStmt i => [i.Condition],
        AnyStmt { Where: { } w } => [w],
        LetStmt l => [l.Value],
        _ => [],
    };

    /// <summary>Every type of a value, local or parameter in the model's actions, init block and properties.</summary>
    public static IEnumerable<HvType> Types(Model model)
    {
        var roots = new List<Expr>();
        var locals = new List<Local>();
        foreach (var action in model.Actions)
        {
            locals.AddRange(action.Parameters);
            roots.Add(action.Guard);
            Collect(action.Body, roots, locals);
        }

        Collect(model.Init, roots, locals);
        roots.AddRange(model.Properties.Select(p => p.Predicate));
        foreach (var local in locals)
        {
            yield return local.Type;
        }

        var pending = new Stack<Expr>(roots);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            yield return e.Type;
            if (e is QuantExpr q)
            {
                yield return q.Variable.Type;
            }

            foreach (var c in Children(e))
            {
                pending.Push(c);
            }
        }
    }

    private static void Collect(Stmt body, List<Expr> roots, List<Local> locals)
    {
        foreach (var s in StmtFacts.Descendants(body))
        {
            roots.AddRange(Expressions(s));
            switch (s)
            {
                case ForStmt f:
                    locals.Add(f.Variable);
                    break;
                case AnyStmt a:
                    locals.Add(a.Variable);
                    break;
                case LetStmt l:
                    locals.Add(l.Variable);
                    break;
            }
        }
    }

    /// <summary>The locals <paramref name="e"/> reads that it does not bind itself, in the order first read.</summary>
    public static List<Local> FreeLocals(Expr e)
    {
        var found = new List<Local>();
        void Walk(Expr x, HashSet<Local> bound)
        {
            switch (x)
            {
                case LocalExpr l when !bound.Contains(l.Local) && !found.Contains(l.Local):
                    found.Add(l.Local);
                    break;
                case QuantExpr q:
                    Walk(q.Body, [.. bound, q.Variable]);
                    break;
                default:
                    foreach (var c in Children(x))
                    {
                        Walk(c, bound);
                    }

                    break;
            }
        }

        Walk(e, []);
        return found;
    }
}
