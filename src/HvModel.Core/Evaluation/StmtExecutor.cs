using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Evaluation;

/// <summary>
/// Runs statements in continuation-passing style: each statement calls its continuation once
/// per outcome, so <see cref="AnyStmt"/> branches without building lists of partial states.
/// The state array is updated in place; a branch point copies it. Bound names are restored
/// when a continuation returns, so sibling branches see their own values.
/// </summary>
public sealed class StmtExecutor : IStmtVisitor<bool>
{
    private readonly ExprEvaluator eval;
    private int[] state = [];
    private Action<int[]> next = static _ => { };

    public StmtExecutor(ExprEvaluator evaluator)
    {
        eval = evaluator;
    }

    // What the current run reports (see RunObserver), set by Run for its duration.
    private RunObserver observer = RunObserver.None;

    private List<string>? Notes => observer.Notes;

    private List<HunkBranch>? HunkBranches => observer.HunkBranches;

    private readonly Dictionary<IfStmt, System.Collections.Immutable.ImmutableArray<Hunk>> hunksOfIf = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records the branch an <c>if</c> takes when its condition reads a hunk and branches are being recorded.</summary>
    private void ObserveBranch(IfStmt s, bool then)
    {
        if (HunkBranches is null)
        {
            return;
        }

        if (!hunksOfIf.TryGetValue(s, out var hunks))
        {
            hunks = HunksIn.Of(s.Condition);
            hunksOfIf[s] = hunks;
        }

        if (!hunks.IsEmpty)
        {
            HunkBranches.Add(new HunkBranch(hunks, then, s.Span));
        }
    }

    /// <summary>
    /// Runs <paramref name="stmt"/> from <paramref name="start"/> (which is modified) and calls
    /// <paramref name="onOutcome"/> for every final state. The callee must copy what it keeps.
    /// </summary>
    public void Run(Stmt stmt, int[] start, Action<int[]> onOutcome, RunObserver? observe = null)
    {
        var outer = observer;
        observer = observe ?? RunObserver.None;
        try
        {
            Exec(stmt, start, onOutcome);
        }
        finally
        {
            observer = outer;
        }
    }

    private void Exec(Stmt stmt, int[] st, Action<int[]> k)
    {
        // Most statements have a single outcome: run them directly, in place, with no
        // continuation to allocate; only subtrees that contain 'any' need the general path.
        if (!Branches(stmt))
        {
            var notesBefore = Notes?.Count ?? 0;
            var branchesBefore = HunkBranches?.Count ?? 0;
            Direct(stmt, st);
            k(st);
            if (Notes is not null && Notes.Count > notesBefore)
            {
                Notes.RemoveRange(notesBefore, Notes.Count - notesBefore);
            }

            if (HunkBranches is not null && HunkBranches.Count > branchesBefore)
            {
                HunkBranches.RemoveRange(branchesBefore, HunkBranches.Count - branchesBefore);
            }

            return;
        }

        var (savedState, savedNext) = (state, next);
        state = st;
        next = k;
        try
        {
            // A type switch, not Accept: see ExprEvaluator.Eval.
            _ = stmt switch
            {
                BlockStmt x => VisitBlock(x),
                AnyStmt x => VisitAny(x),
                ForStmt x => VisitFor(x),
                LetStmt x => VisitLet(x),
                IfStmt x => VisitIf(x),
                AssignStmt x => VisitAssign(x),
                NoteStmt x => VisitNote(x),
                _ => stmt.Accept(this),
            };
        }
        finally
        {
            (state, next) = (savedState, savedNext);
        }
    }

    private static bool Branches(Stmt stmt) => StmtFacts.HasChoice(stmt);

    /// <summary>Runs a statement without 'any' in place: exactly one outcome.</summary>
    private void Direct(Stmt stmt, int[] st)
    {
        switch (stmt)
        {
            case AssignStmt a:
                Assign(a, st);
                break;
            case BlockStmt b:
                foreach (var s in b.Statements)
                {
                    Direct(s, st);
                }

                break;
            case IfStmt i:
            {
                eval.State = st;
                var then = eval.Holds(i.Condition);
                ObserveBranch(i, then);
                Direct(then ? i.Then : i.Else, st);
                break;
            }

            case ForStmt f:
            {
                var type = f.Variable.Domain;
                var slot = f.Variable.Slot;
                var saved = eval.Locals[slot];
                for (var ordinal = 0; ordinal < type.Count; ordinal++)
                {
                    eval.Locals[slot] = type.ValueAt(ordinal);
                    Direct(f.Body, st);
                }

                eval.Locals[slot] = saved;
                break;
            }

            case LetStmt l:
            {
                var slot = l.Variable.Slot;
                var saved = eval.Locals[slot];
                eval.Locals[slot] = Bind(l, st);
                Direct(l.Body, st);
                eval.Locals[slot] = saved;
                break;
            }

            case NoteStmt n:
                Notes?.Add(n.Text);
                break;
            default:
                throw new InvalidOperationException($"'{stmt.GetType().Name}' cannot run directly");
        }
    }

    private void Assign(AssignStmt s, int[] st)
    {
        eval.State = st;
        var value = eval.Eval(s.Value);
        var slot = eval.SlotOf(s.Target);
        var type = (ScalarType)s.Target.Type;
        if (type.OrdinalOf(value) < 0)
        {
            throw new ModelRuntimeError(s.Span, $"value {value} assigned to {Describe(s.Target)} is out of its range {type.Display}");
        }

        st[slot] = value;
    }

    private int Bind(LetStmt s, int[] st)
    {
        eval.State = st;
        var value = eval.Eval(s.Value);
        if (s.Variable.Type is ScalarType domain && domain.OrdinalOf(value) < 0)
        {
            throw new ModelRuntimeError(s.Value.Span, $"value {value} bound to '{s.Variable.Name}' is out of its range {s.Variable.Type.Display}");
        }

        return value;
    }

    public bool VisitAssign(AssignStmt s)
    {
        Assign(s, state);
        next(state);
        return true;
    }

    public bool VisitBlock(BlockStmt s)
    {
        Sequence(s, 0, state, next);
        return true;
    }

    private void Sequence(BlockStmt block, int from, int[] st, Action<int[]> k)
    {
        // Statements with one outcome run in place, in a loop: only a choice recurses, so a long
        // block of plain assignments (the initialisers of many variables) costs no stack.
        var notesBefore = Notes?.Count ?? 0;
        var branchesBefore = HunkBranches?.Count ?? 0;
        while (from < block.Statements.Length && !Branches(block.Statements[from]))
        {
            Direct(block.Statements[from], st);
            from++;
        }

        if (from == block.Statements.Length)
        {
            k(st);
        }
        else
        {
            Exec(block.Statements[from], st, after => Sequence(block, from + 1, after, k));
        }

        // What the direct statements added belongs to this path only.
        if (Notes is not null && Notes.Count > notesBefore)
        {
            Notes.RemoveRange(notesBefore, Notes.Count - notesBefore);
        }

        if (HunkBranches is not null && HunkBranches.Count > branchesBefore)
        {
            HunkBranches.RemoveRange(branchesBefore, HunkBranches.Count - branchesBefore);
        }
    }

    public bool VisitIf(IfStmt s)
    {
        eval.State = state;
        var then = eval.Holds(s.Condition);
        var before = HunkBranches?.Count ?? 0;
        ObserveBranch(s, then);
        Exec(then ? s.Then : s.Else, state, next);
        if (HunkBranches is not null && HunkBranches.Count > before)
        {
            HunkBranches.RemoveRange(before, HunkBranches.Count - before);
        }

        return true;
    }

    public bool VisitFor(ForStmt s)
    {
        Iterate(s, 0, state, next);
        return true;
    }

    private void Iterate(ForStmt loop, int ordinal, int[] st, Action<int[]> k)
    {
        var type = loop.Variable.Domain;
        if (ordinal == type.Count)
        {
            k(st);
            return;
        }

        var slot = loop.Variable.Slot;
        eval.Locals[slot] = type.ValueAt(ordinal);
        Exec(loop.Body, st, after =>
        {
            var mine = eval.Locals[slot];
            Iterate(loop, ordinal + 1, after, k);
            eval.Locals[slot] = mine;
        });
    }

    public bool VisitAny(AnyStmt s)
    {
        var type = s.Variable.Domain;
        var slot = s.Variable.Slot;
        var original = state;
        var k = next;
        var candidates = 0;
        for (var ordinal = 0; ordinal < type.Count; ordinal++)
        {
            observer.OnChoiceValue?.Invoke();
            eval.Locals[slot] = type.ValueAt(ordinal);
            eval.State = original;
            if (s.Where is not null && !eval.Holds(s.Where))
            {
                continue;
            }

            candidates++;

            // Each branch starts from the state before the choice; the last may use it up.
            var branch = ordinal == type.Count - 1 ? original : (int[])original.Clone();
            var value = eval.Locals[slot];
            var notes = Notes?.Count ?? 0;
            var hunkBranches = HunkBranches?.Count ?? 0;
            try
            {
                Exec(s.Body, branch, after =>
                {
                    var mine = eval.Locals[slot];
                    k(after);
                    eval.Locals[slot] = mine;
                });
            }
            catch (ModelRuntimeError e) when (observer.OnError is not null)
            {
                if (Notes is not null && Notes.Count > notes)
                {
                    Notes.RemoveRange(notes, Notes.Count - notes);
                }

                if (HunkBranches is not null && HunkBranches.Count > hunkBranches)
                {
                    HunkBranches.RemoveRange(hunkBranches, HunkBranches.Count - hunkBranches);
                }

                observer.OnError(e);
            }

            eval.Locals[slot] = value;
        }

        if (candidates == 0)
        {
            observer.OnEmptyChoice?.Invoke(s);
        }

        return true;
    }

    public bool VisitLet(LetStmt s)
    {
        var slot = s.Variable.Slot;
        var value = Bind(s, state);
        eval.Locals[slot] = value;
        var k = next;
        Exec(s.Body, state, after =>
        {
            var mine = eval.Locals[slot];
            k(after);
            eval.Locals[slot] = mine;
        });
        return true;
    }

    public bool VisitNote(NoteStmt s)
    {
        Notes?.Add(s.Text);
        next(state);
        if (Notes is { Count: > 0 })
        {
            Notes.RemoveAt(Notes.Count - 1);
        }

        return true;
    }

    private static string Describe(Expr target) => target switch
    {
        VarExpr v => $"'{v.Var.Name}'",
        IndexExpr ix => $"an element of '{RootName(ix)}'",
        _ => "a location",
    };

    private static string RootName(Expr e) => e switch
    {
        VarExpr v => v.Var.Name,
        IndexExpr ix => RootName(ix.Array),
        _ => "?",
    };
}
