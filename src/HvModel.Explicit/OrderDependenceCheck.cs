using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Finds a <c>for</c> loop over a scalarset whose effect may depend on the order of iteration,
/// which would make symmetry reduction unsound (one loop picks "the first" element, another
/// copies one element into a shared variable). The rule is conservative: inside such a loop,
/// a location not indexed by the loop variable may only be assigned a constant, and a variable
/// the loop writes may only be read where it is indexed by the loop variable. Distinguished
/// members named as constants (<c>c = Cpu0</c>) need no rule: every permutation fixes them,
/// and the binder refuses any other way to tell interchangeable members apart (no order, no
/// arithmetic, no literal).
/// </summary>
internal static class OrderDependenceCheck
{
    /// <summary>Where and why the first offending loop is, or null when every loop is order-independent.</summary>
    public static string? Find(Model model)
    {
        foreach (var action in model.Actions)
        {
            if (FindIn(action.Body) is { } reason)
            {
                return $"{reason} (action {action.Name})";
            }
        }

        return null;
    }

    private static string? FindIn(Stmt stmt) =>
        // Only the interchangeable members move: a loop over a set with at most one of them
        // (the rest distinguished) visits them in an order that no permutation changes.
        LiveStatements(stmt).OfType<ForStmt>()
            .Where(f => f.Variable.Domain is ScalarsetType { Interchangeable: > 1 })
            .Select(CheckLoop).FirstOrDefault(r => r is not null);

    /// <summary>Every statement of <paramref name="stmt"/> but those under a branch that a configuration's constant rules out.</summary>
    private static IEnumerable<Stmt> LiveStatements(Stmt stmt) => StmtFacts.Descendants(stmt, s =>
        s is IfStmt i && Taken(i) is { } taken ? [taken] : StmtFacts.Children(s));

    /// <summary>The branch a configuration's constant condition takes, or null when the condition reads the state.</summary>
    private static Stmt? Taken(IfStmt i) => ConstantValue.Of(i.Condition) is { } value ? (value != 0 ? i.Then : i.Else) : null;

    private static string? CheckLoop(ForStmt loop)
    {
        var aliases = new HashSet<Local> { loop.Variable };
        var written = new HashSet<StateVar>();
        var shared = new List<AssignStmt>();
        var reads = new List<Expr>();
        Collect(loop.Body, aliases, written, shared, reads);
        var where = $"the for loop over {loop.Variable.Domain.Display} at {loop.Span}";
        foreach (var a in shared)
        {
            if (a.Value is not LiteralExpr)
            {
                return $"{where} assigns {Root(a.Target).Name} a value that may depend on the order of iteration";
            }
        }

        foreach (var r in reads)
        {
            var root = Root(r);
            if (written.Contains(root) && !IndexedBy(r, aliases))
            {
                return $"{where} reads {root.Name}, which it writes, not at the loop's own element";
            }
        }

        return null;
    }

    private static void Collect(Stmt stmt, HashSet<Local> aliases, HashSet<StateVar> written, List<AssignStmt> shared, List<Expr> reads)
    {
        switch (stmt)
        {
            case AssignStmt a:
                written.Add(Root(a.Target));
                if (!IndexedBy(a.Target, aliases))
                {
                    shared.Add(a);
                }

                ReadsOf(a.Value, reads);
                IndexReads(a.Target, reads);
                break;
            case BlockStmt b:
                foreach (var s in b.Statements)
                {
                    Collect(s, aliases, written, shared, reads);
                }

                break;
            case IfStmt i when Taken(i) is { } taken:
                // A configuration's constant decides the branch: the other one never runs.
                Collect(taken, aliases, written, shared, reads);
                break;
            case IfStmt i:
                ReadsOf(i.Condition, reads);
                Collect(i.Then, aliases, written, shared, reads);
                Collect(i.Else, aliases, written, shared, reads);
                break;
            case ForStmt f:
                Collect(f.Body, aliases, written, shared, reads);
                break;
            case AnyStmt a:
                if (a.Where is not null)
                {
                    ReadsOf(a.Where, reads);
                }

                Collect(a.Body, aliases, written, shared, reads);
                break;
            case LetStmt l:
                // A procedure parameter bound to the loop variable stands for it.
                if (l.Value is LocalExpr { Local: var bound } && aliases.Contains(bound))
                {
                    aliases.Add(l.Variable);
                }

                ReadsOf(l.Value, reads);
                Collect(l.Body, aliases, written, shared, reads);
                break;
        }
    }

    /// <summary>Every state location read by an expression (a variable or an indexed element).</summary>
    private static void ReadsOf(Expr e, List<Expr> reads)
    {
        switch (e)
        {
            case VarExpr:
                reads.Add(e);
                break;
            case IndexExpr ix:
                reads.Add(ix);
                IndexReads(ix, reads);
                break;
            case UnaryExpr u:
                ReadsOf(u.Operand, reads);
                break;
            case BinaryExpr b:
                ReadsOf(b.Left, reads);
                ReadsOf(b.Right, reads);
                break;
            case CondExpr c:
                ReadsOf(c.Condition, reads);
                ReadsOf(c.Then, reads);
                ReadsOf(c.Else, reads);
                break;
            case QuantExpr q:
                ReadsOf(q.Body, reads);
                break;
        }
    }

    private static void IndexReads(Expr location, List<Expr> reads)
    {
        for (var e = location; e is IndexExpr ix; e = ix.Array)
        {
            ReadsOf(ix.Index, reads);
        }
    }

    private static bool IndexedBy(Expr location, HashSet<Local> aliases)
    {
        for (var e = location; e is IndexExpr ix; e = ix.Array)
        {
            if (ix.Index is LocalExpr { Local: var l } && aliases.Contains(l))
            {
                return true;
            }
        }

        return false;
    }

    private static StateVar Root(Expr location) => location switch
    {
        VarExpr v => v.Var,
        IndexExpr ix => Root(ix.Array),
        _ => throw new InvalidOperationException("not a state location"),
    };
}
