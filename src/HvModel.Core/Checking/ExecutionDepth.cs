using HvModel.Core.Ir;

namespace HvModel.Core.Checking;

/// <summary>
/// How deep running a statement nests, for the reference executor
/// (<see cref="Evaluation.StmtExecutor"/>), which runs a statement that may branch (it contains
/// <c>any</c>) in continuation-passing style: every step after a choice runs inside the
/// choice's call, and every choice point holds a copy of the state. An array of N elements
/// without an initial value is N nested choices, so a wide one would overflow the stack (about
/// 6,000 nested choices are fatal) or fill memory before its first initial state. Such a model is
/// not run: every verdict is unknown, with the reason.
/// </summary>
public static class ExecutionDepth
{
    /// <summary>The deepest nesting run; about a third of what overflows the stack.</summary>
    public const long MaxNesting = 4_000;

    /// <summary>Bytes of state copies the choice points of one path may hold.</summary>
    public const long MaxCopyBytes = 1L << 30;

    /// <summary>Why the model's statements nest too deep to run (the init block first, then each action), or null.</summary>
    public static string? Problem(Model model)
    {
        var limit = Math.Min(MaxNesting, MaxCopyBytes / Math.Max(1, model.Slots.Length * 4L));
        if (Nesting(model.Init) is var init && init > limit)
        {
            return $"the initial states cannot be enumerated: the init block nests {init} steps deep " +
                $"(each element of a variable without an initial value is a choice), more than the {limit} that can run; give such variables an initial value";
        }

        foreach (var action in model.Actions)
        {
            if (Nesting(action.Body) is var n && n > limit)
            {
                return $"action '{action.Name}' cannot be run: it nests {n} steps deep (each 'any' inside a 'for' is a choice per iteration), more than the {limit} that can run";
            }
        }

        return null;
    }

    /// <summary>The nesting of running <paramref name="stmt"/> and what follows it: 1 for a statement that cannot branch (it runs directly).</summary>
    public static long Nesting(Stmt stmt) => Branches(stmt) ? Branching(stmt) : 1;

    private static long Branching(Stmt stmt) => stmt switch
    {
        AnyStmt a => 1 + Nesting(a.Body),
        // The executor runs a block's statements that cannot branch in a loop: only choices nest.
        BlockStmt b => Math.Max(1, b.Statements.Where(Branches).Aggregate(0L, (sum, s) => Math.Min(Cap, sum + Nesting(s)))),
        IfStmt i => 1 + Math.Max(Nesting(i.Then), Nesting(i.Else)),
        ForStmt f => Nesting(f.Body) is var body && body > Cap / Math.Max(1, f.Variable.Domain.Count) ? Cap : 1 + (f.Variable.Domain.Count * body),
        LetStmt l => 1 + Nesting(l.Body),
        _ => 1,
    };

    private static bool Branches(Stmt stmt) => StmtFacts.HasChoice(stmt);

    // Nested loops over large types multiply: the figure stops growing here.
    private const long Cap = long.MaxValue / 4;
}
