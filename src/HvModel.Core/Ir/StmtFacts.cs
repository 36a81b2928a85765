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
    public static IEnumerable<Stmt> Descendants(Stmt stmt) => Descendants(stmt, Children);

    /// <summary>As <see cref="Descendants(Stmt)"/>, going down only into the <paramref name="children"/> a statement names.</summary>
    public static IEnumerable<Stmt> Descendants(Stmt stmt, Func<Stmt, IEnumerable<Stmt>> children)
    {
        var pending = new Stack<Stmt>();
        pending.Push(stmt);
        while (pending.Count > 0)
        {
            var s = pending.Pop();
            yield return s;
            foreach (var child in children(s).Reverse())
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

    /// <summary>
    /// The domain size of every choice <paramref name="stmt"/> may make, in the order a run meets
    /// them: loops unrolled, both branches of an <c>if</c>, an <c>any</c>'s body once (its value
    /// fixed). The exporters split a step into one deterministic step per combination of them.
    /// </summary>
    public static IEnumerable<int> ChoiceDomains(Stmt stmt) => stmt switch
    {
        BlockStmt b => b.Statements.SelectMany(ChoiceDomains),
        IfStmt i => ChoiceDomains(i.Then).Concat(ChoiceDomains(i.Else)),
        ForStmt f => Enumerable.Range(0, f.Variable.Domain.Count).SelectMany(_ => ChoiceDomains(f.Body)),
        AnyStmt a => ChoiceDomains(a.Body).Prepend(a.Variable.Domain.Count),
        LetStmt l => ChoiceDomains(l.Body),
        _ => [],
    };

    /// <summary>
    /// At least as many as the outcomes <paramref name="stmt"/> may have: the product of its
    /// choices' domain sizes, no more than <paramref name="atMost"/> (counting stops there).
    /// </summary>
    public static long MostOutcomes(Stmt stmt, long atMost)
    {
        var product = 1L;
        foreach (var size in ChoiceDomains(stmt))
        {
            product = size == 0 ? product : Math.Min(atMost, product * Math.Min(size, atMost));
            if (product >= atMost)
            {
                return atMost;
            }
        }

        return product;
    }

    /// <summary>True when some path through <paramref name="stmt"/> may end without an outcome: an <c>any</c> with a condition, or over an empty type.</summary>
    public static bool MayHaveNoOutcome(Stmt stmt) =>
        HasChoice(stmt) && Descendants(stmt).OfType<AnyStmt>().Any(a => a.Where is not null || a.Variable.Domain.Count == 0);
}
