using HvModel.Core.Ir;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// Executes statements symbolically, in order, as <see cref="Core.Evaluation.StmtExecutor"/> runs
/// them concretely: each assignment replaces the slot's term (SSA), <c>if</c> runs both branches
/// and merges the slots with ite, <c>for</c> is unrolled, <c>any</c> becomes a fresh constant
/// constrained to its type and <c>where</c>, <c>let</c> binds a term. The path condition
/// tracks which path reaches a statement, so that every point where the evaluator would raise
/// a model error contributes "path condition and error condition" to <see cref="Errors"/>.
/// </summary>
public sealed class SymbolicExecutor : IStmtVisitor<bool>
{
    // Terms longer than this are named by a fresh constant, so that a slot's term does not
    // grow with every statement that touches it (sequential ifs would double it each time).
    private const int InlineLimit = 48;

    private readonly ExprTranslator expr;
    private readonly SmtFragment fragment;
    private readonly string prefix;
    private readonly string selected;
    private int fresh;

    /// <param name="expr">The translator whose <see cref="ExprTranslator.Slots"/> hold the state being changed.</param>
    /// <param name="fragment">Receives fresh constants and their constraints.</param>
    /// <param name="prefix">Prefix of the fresh constants' names (unique per step and action).</param>
    /// <param name="selected">When the path's choices must hold: the action is the one taken.</param>
    /// <param name="pathCondition">The condition to reach the first statement (the guard).</param>
    public SymbolicExecutor(ExprTranslator expr, SmtFragment fragment, string prefix, string selected, string pathCondition)
    {
        this.expr = expr;
        this.fragment = fragment;
        this.prefix = prefix;
        this.selected = selected;
        PathCondition = pathCondition;
    }

    public string PathCondition { get; private set; }

    /// <summary>Sorts of the state slots, for the constants that name merged values.</summary>
    public required Func<int, string> SlotSort { get; init; }

    private SmtArithmetic A => expr.Arithmetic;

    /// <summary>Conditions under which running the statements raises a model error (a disjunction).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Constraints of the statements' choices when they run (each <c>any</c> takes a value satisfying its <c>where</c>).</summary>
    public List<string> Choices { get; } = [];

    public void Run(Stmt s) => s.Accept(this);

    private void Error(string condition)
    {
        var e = And(PathCondition, condition);
        if (e != False)
        {
            Errors.Add(e);
        }
    }

    /// <summary>Names a long term by a fresh constant defined equal to it.</summary>
    private SmtValue Share(SmtValue v, string sort)
    {
        if (v.Const is not null || v.Term.Length <= InlineLimit)
        {
            return v;
        }

        var name = Fresh(sort);
        fragment.Assertions.Add($"(= {name} {v.Term})");
        return v with { Term = name };
    }

    private string Fresh(string sort)
    {
        var name = $"{prefix}_{fresh++}";
        fragment.Declarations.Add((name, sort));
        return name;
    }

    public bool VisitAssign(AssignStmt s)
    {
        // Same order as the evaluator: the value, then the target's indices, then the range check.
        var type = (ScalarType)s.Target.Type;
        var value = expr.Translate(s.Value);
        var locations = expr.Locate(s.Target, out var indexError);
        Error(Or(value.Error, indexError, expr.OutOfRange(type, s.Value.Type, value)));
        var sort = A.Sort(type);

        // The slot's own encoding: right whenever the range check above passes.
        value = Share(A.Fit(type, value with { Error = False }), sort);
        var slots = expr.Slots;
        foreach (var l in locations)
        {
            slots[l.Slot] = l.Guard == True
                ? value
                : Share(value with { Term = Ite(l.Guard, value.Term, slots[l.Slot].Term), Const = null }, sort);
        }

        return true;
    }

    public bool VisitBlock(BlockStmt s)
    {
        foreach (var st in s.Statements)
        {
            st.Accept(this);
        }

        return true;
    }

    public bool VisitIf(IfStmt s)
    {
        var c = expr.Translate(s.Condition);
        Error(c.Error);
        if (c.Const is { } k)
        {
            (k != 0 ? s.Then : s.Else).Accept(this);
            return true;
        }

        var before = PathCondition;
        var start = (SmtValue[])expr.Slots.Clone();

        var thenEntry = And(before, c.Term);
        PathCondition = thenEntry;
        s.Then.Accept(this);
        var thenSlots = expr.Slots;
        var thenExit = PathCondition;

        var elseEntry = And(before, Not(c.Term));
        expr.Slots = (SmtValue[])start.Clone();
        PathCondition = elseEntry;
        s.Else.Accept(this);
        var elseSlots = expr.Slots;
        var elseExit = PathCondition;

        var merged = new SmtValue[start.Length];
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = thenSlots[i] == elseSlots[i]
                ? thenSlots[i]
                : Share(thenSlots[i] with { Term = Ite(c.Term, thenSlots[i].Term, elseSlots[i].Term), Const = null }, SlotSort(i));
        }

        expr.Slots = merged;

        // An 'any' inside a branch narrows that branch's path; otherwise the merge point is
        // reached exactly when the if statement was.
        PathCondition = thenExit == thenEntry && elseExit == elseEntry ? before : Or(thenExit, elseExit);
        return true;
    }

    public bool VisitFor(ForStmt s)
    {
        var slot = s.Variable.Slot;
        var type = s.Variable.Domain;
        var saved = expr.Locals[slot];
        for (var o = 0; o < type.Count; o++)
        {
            expr.Locals[slot] = A.Constant(type, type.ValueAt(o));
            s.Body.Accept(this);
        }

        expr.Locals[slot] = saved;
        return true;
    }

    public bool VisitAny(AnyStmt s)
    {
        var slot = s.Variable.Slot;
        var type = s.Variable.Domain;
        var saved = expr.Locals[slot];

        // The evaluator tries 'where' for every value of the type, so an error in it for any
        // value is an error, whichever value is chosen.
        if (s.Where is not null)
        {
            var whereErrors = new List<string>();
            for (var o = 0; o < type.Count; o++)
            {
                expr.Locals[slot] = A.Constant(type, type.ValueAt(o));
                whereErrors.Add(expr.Translate(s.Where).Error);
            }

            Error(Or(whereErrors));
        }

        SmtValue chosen;
        string range;
        if (type.Count == 1)
        {
            chosen = A.Constant(type, type.ValueAt(0));
            range = True;
        }
        else
        {
            var name = Fresh(A.Sort(type));
            chosen = A.Var(type, name);
            range = A.InRange(type, name);
        }

        expr.Locals[slot] = chosen;
        var condition = And(range, s.Where is null ? True : expr.Translate(s.Where).Term);

        // No value satisfying 'where' on a path taken means no successor: a constraint of the
        // step when this action is the one taken, unless a model error came first on the path
        // (the evaluator stops there, before the choice; the error must stay reachable). It
        // belongs to the transition, not to the state the step leaves: a state where no choice
        // exists has no successor, but it is still a state (a deadlock, a violation).
        var noErrorYet = Errors.Count == 0 ? True : Not(Or(Errors));
        Choices.Add(Implies(And(selected, PathCondition, noErrorYet), condition));
        PathCondition = And(PathCondition, condition);
        s.Body.Accept(this);
        expr.Locals[slot] = saved;
        return true;
    }

    public bool VisitLet(LetStmt s)
    {
        var slot = s.Variable.Slot;
        var saved = expr.Locals[slot];
        var value = expr.Translate(s.Value);
        var rangeError = s.Variable.Type is ScalarType domain ? expr.OutOfRange(domain, s.Value.Type, value) : False;
        Error(Or(value.Error, rangeError));
        expr.Locals[slot] = Share(value with { Error = False }, A.SortOf(value, s.Variable.Type));
        s.Body.Accept(this);
        expr.Locals[slot] = saved;
        return true;
    }

    public bool VisitNote(NoteStmt s) => true;
}
