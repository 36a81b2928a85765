using System.Runtime.CompilerServices;

namespace HvModel.Core.Ir;

/// <summary>
/// Facts about statements that several back ends ask, answered in one place: the tree walk
/// over a statement's parts, whether a statement may branch (it contains an <c>any</c>), and
/// whether it may have no outcome at all (an <c>any</c> that may find no candidate).
/// </summary>
public static class StmtFacts
{
    // Statements are immutable and compared by identity here: a fact is computed once per node.
    private static readonly ConditionalWeakTable<Stmt, StrongBox<bool>> ChoiceCache = [];

    /// <summary>The statements directly inside <paramref name="stmt"/>, in order.</summary>
    public static IEnumerable<Stmt> Children(Stmt stmt) => stmt switch
    {
        BlockStmt b => b.Statements,
        IfStmt i => [i.Then, i.Else],
        ForStmt f => [f.Body],
        AnyStmt a => [a.Body],
        LetStmt l => [l.Body],
        _ => [],
    };

    /// <summary><paramref name="stmt"/> and every statement inside it, in pre-order (source order).</summary>
    public static IEnumerable<Stmt> Descendants(Stmt stmt)
    {
        var pending = new Stack<Stmt>();
        pending.Push(stmt);
        while (pending.Count > 0)
        {
            var s = pending.Pop();
            yield return s;
            foreach (var child in Children(s).Reverse())
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="stmt"/> may have more or fewer than one outcome: it contains an
    /// <c>any</c>. Statements without one run in place, with exactly one outcome. Memoised.
    /// </summary>
    public static bool HasChoice(Stmt stmt)
    {
        if (ChoiceCache.TryGetValue(stmt, out var known))
        {
            return known.Value;
        }

        var result = stmt is AnyStmt || Children(stmt).Any(HasChoice);
        ChoiceCache.AddOrUpdate(stmt, new StrongBox<bool>(result));
        return result;
    }

    /// <summary>True when some path through <paramref name="stmt"/> may end without an outcome: an <c>any</c> with a condition, or over an empty type.</summary>
    public static bool MayHaveNoOutcome(Stmt stmt) =>
        HasChoice(stmt) && Descendants(stmt).OfType<AnyStmt>().Any(a => a.Where is not null || a.Variable.Domain.Count == 0);
}
