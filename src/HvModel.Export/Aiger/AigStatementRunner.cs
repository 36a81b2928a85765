using HvModel.Core.Ir;

namespace HvModel.Export.Aiger;

/// <summary>
/// Runs statements symbolically over an and-inverter graph, in order, as the evaluator's
/// <see cref="Core.Evaluation.StmtExecutor"/> runs them concretely: an assignment replaces
/// the slot's word, <c>if</c> runs both branches and merges the slots with multiplexers,
/// <c>for</c> is unrolled, <c>any</c> takes its value from the <see cref="ChoicePool"/>'s
/// inputs, <c>let</c> binds a word. <see cref="Path"/> is the literal that the run reaches the
/// current point: it starts as the guard, and each <c>any</c> narrows it to the inputs that
/// hold a candidate (its type's value satisfying <c>where</c>), so at the end it says that the
/// chosen instance and choices have an outcome. Every point where the evaluator would raise a
/// model error adds "path and error" to <see cref="Error"/>.
/// </summary>
public sealed class AigStatementRunner(AigExprTranslator expr, ChoicePool? choices, int path) : IStmtVisitor<bool>
{
    private Aig G => expr.Arithmetic.Graph;

    public int Path { get; private set; } = path;

    public int Error { get; private set; } = Aig.False;

    public void Run(Stmt s) => s.Accept(this);

    private void Raise(int condition) => Error = G.Or(Error, G.And(Path, condition));

    public bool VisitAssign(AssignStmt s)
    {
        // The evaluator computes the value, then the target's indices, then checks the range.
        var type = (ScalarType)s.Target.Type;
        var value = expr.Translate(s.Value);
        var locations = expr.Locate(s.Target, out var indexError);
        Raise(G.OrAll([value.Error, indexError, expr.Arithmetic.OutOfRange(type, value.Word)]));
        var word = WordArithmetic.Fit(type, value.Word);
        var slots = expr.Slots;
        foreach (var (guard, slot) in locations)
        {
            slots[slot] = expr.Arithmetic.Ite(guard, word, slots[slot]);
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
        Raise(c.Error);
        if (Aig.IsConstant(c.Bit))
        {
            (c.Bit == Aig.True ? s.Then : s.Else).Accept(this);
            return true;
        }

        var before = Path;
        var start = (AigWord[])expr.Slots.Clone();

        var thenEntry = G.And(before, c.Bit);
        Path = thenEntry;
        s.Then.Accept(this);
        var thenSlots = expr.Slots;
        var thenExit = Path;

        var elseEntry = G.And(before, Aig.Not(c.Bit));
        expr.Slots = (AigWord[])start.Clone();
        Path = elseEntry;
        s.Else.Accept(this);
        var elseSlots = expr.Slots;
        var elseExit = Path;

        var merged = new AigWord[start.Length];
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = expr.Arithmetic.Ite(c.Bit, thenSlots[i], elseSlots[i]);
        }

        expr.Slots = merged;

        // An 'any' inside a branch narrows that branch's path; otherwise the merge point is
        // reached exactly when the if statement was.
        Path = thenExit == thenEntry && elseExit == elseEntry ? before : G.Or(thenExit, elseExit);
        return true;
    }

    public bool VisitFor(ForStmt s)
    {
        var slot = s.Variable.Slot;
        var type = s.Variable.Domain;
        var saved = expr.Locals[slot];
        for (var o = 0; o < type.Count; o++)
        {
            expr.Locals[slot] = AigWord.Constant(type.ValueAt(o));
            s.Body.Accept(this);
        }

        expr.Locals[slot] = saved;
        return true;
    }

    public bool VisitAny(AnyStmt s)
    {
        var type = s.Variable.Domain;
        if (type.Count == 0)
        {
            Path = Aig.False;
            return true;
        }

        var slot = s.Variable.Slot;
        var saved = expr.Locals[slot];
        var (chosen, inRange) = type.Count == 1
            ? (AigWord.Constant(type.ValueAt(0)), Aig.True)
            : (choices ?? throw new InvalidOperationException("a choice where none was expected")).Next(type);
        expr.Locals[slot] = chosen;

        // The evaluator tries 'where' for every value of the type, candidate or not, so an error
        // in it for some value is an error: the inputs may name that value.
        var candidate = inRange;
        if (s.Where is not null)
        {
            var where = expr.Translate(s.Where);
            Raise(G.And(inRange, where.Error));
            candidate = G.And(inRange, where.Bit);
        }

        Path = G.And(Path, candidate);
        s.Body.Accept(this);
        expr.Locals[slot] = saved;
        return true;
    }

    public bool VisitLet(LetStmt s)
    {
        var slot = s.Variable.Slot;
        var saved = expr.Locals[slot];
        var value = expr.Translate(s.Value);
        var rangeError = s.Variable.Type is ScalarType domain ? expr.Arithmetic.OutOfRange(domain, value.Word) : Aig.False;
        Raise(G.Or(value.Error, rangeError));
        expr.Locals[slot] = value.Word;
        s.Body.Accept(this);
        expr.Locals[slot] = saved;
        return true;
    }

    public bool VisitNote(NoteStmt s) => true;
}
