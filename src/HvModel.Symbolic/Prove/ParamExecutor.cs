using HvModel.Core.Ir;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// Executes statements symbolically over a <see cref="StateView"/> of the parameterized model,
/// in order, as the evaluator runs them: an assignment replaces the variable's function by one
/// that answers the new value at the index written; <c>if</c> merges both branches with ite;
/// <c>any</c> is a fresh choice constrained by its <c>where</c>. A <c>for</c> over a finite
/// type is unrolled; a <c>for</c> over a scalarset (of any size) runs its body once for a
/// symbolic member X and becomes a simultaneous update (<see cref="ScalarsetLoop"/>), which is
/// exact because the language requires such loops not to depend on the order of iteration;
/// a loop whose iterations could see each other's writes is refused.
/// </summary>
public sealed class ParamExecutor : IStmtVisitor<bool>
{
    // Terms longer than this are named by a fresh function, so that a variable's function does
    // not grow with every statement that touches it.
    private const int InlineLimit = 200;

    private readonly ParamExprTranslator expr;
    private readonly FreshNames names;
    private readonly Stack<ScalarsetLoop> loops = new();
    private readonly List<string> topErrors = [];
    private readonly List<string> topAssertions = [];

    public ParamExecutor(ParamExprTranslator expr, FreshNames names, string pathCondition)
    {
        this.expr = expr;
        this.names = names;
        PathCondition = pathCondition;
        expr.OnRead = (v, indices) =>
        {
            foreach (var loop in loops)
            {
                loop.Reads.Add((v, [.. indices]));
            }
        };
    }

    public string PathCondition { get; private set; }

    /// <summary>The <c>declare-fun</c> commands of fresh choices and shared terms.</summary>
    public List<string> Declarations { get; } = [];

    /// <summary>Constraints on the fresh names (closed terms).</summary>
    public IReadOnlyList<string> Assertions => topAssertions;

    /// <summary>Conditions under which running the statements raises a model error (closed terms, a disjunction).</summary>
    public IReadOnlyList<string> Errors => topErrors;

    public void Run(Stmt s) => s.Accept(this);

    private List<string> ErrorSink => loops.Count == 0 ? topErrors : loops.Peek().Errors;

    private List<string> AssertionSink => loops.Count == 0 ? topAssertions : loops.Peek().Assertions;

    private void Error(string condition)
    {
        var e = And(PathCondition, condition);
        if (e != False)
        {
            ErrorSink.Add(e);
        }
    }

    /// <summary>A fresh name of <paramref name="sort"/>; inside scalarset loops, a function of their members.</summary>
    private string Fresh(string kind, string sort, IReadOnlyList<string>? extraSorts = null, IReadOnlyList<string>? extraArgs = null)
    {
        var name = names.Fresh(kind);
        var loopArgs = loops.Reverse().Select(l => l.Member).ToList();
        var argSorts = loops.Reverse().Select(l => l.Sort).Concat(extraSorts ?? []).ToList();
        Declarations.Add($"(declare-fun {name} ({string.Join(' ', argSorts)}) {sort})");
        var args = loopArgs.Concat(extraArgs ?? []).ToList();
        return args.Count == 0 ? name : $"({name} {string.Join(' ', args)})";
    }

    private SmtValue Share(SmtValue v, string sort)
    {
        if (v.Const is not null || v.Term.Length <= InlineLimit)
        {
            return v;
        }

        var name = Fresh("d", sort);
        AssertionSink.Add($"(= {name} {v.Term})");
        return v with { Term = name };
    }

    /// <summary>Names a variable's function by a fresh one when its term has grown long.</summary>
    private void ShareFunction(StateVar v)
    {
        var indexTypes = expr.Vocabulary.IndexTypes(v);
        var placeholders = indexTypes.Select(_ => names.Fresh("a")).ToList();
        var body = expr.State[v](placeholders);
        if (body.Length <= InlineLimit)
        {
            return;
        }

        var sorts = indexTypes.Select(expr.Vocabulary.Sort).ToList();
        var sort = expr.Vocabulary.Sort(ProveVocabulary.ElementType(v));
        var name = names.Fresh("d");
        var loopArgs = loops.Reverse().Select(l => l.Member).ToList();
        var argSorts = loops.Reverse().Select(l => l.Sort).Concat(sorts).ToList();
        Declarations.Add($"(declare-fun {name} ({string.Join(' ', argSorts)}) {sort})");
        string Apply(IReadOnlyList<string> args)
        {
            var all = loopArgs.Concat(args).ToList();
            return all.Count == 0 ? name : $"({name} {string.Join(' ', all)})";
        }

        var definition = $"(= {Apply(placeholders)} {body})";
        AssertionSink.Add(placeholders.Count == 0
            ? definition
            : $"(forall ({string.Join(' ', placeholders.Select((p, k) => $"({p} {sorts[k]})"))}) {definition})");
        expr.State[v] = Apply;
    }

    public bool VisitAssign(AssignStmt s)
    {
        // Same order as the evaluator: the value, then the target's indices, then the range check.
        var type = (ScalarType)s.Target.Type;
        var value = expr.Translate(s.Value);
        var (v, indices, indexError) = expr.Locate(s.Target);
        Error(Or(value.Error, indexError, ParamExprTranslator.OutOfRange(type, s.Value.Type, value)));
        value = Share(value with { Error = False }, expr.Vocabulary.Sort(type));
        foreach (var loop in loops)
        {
            loop.Writes.Add(new LoopWrite(v, [.. indices], value.Term, PathCondition));
        }

        var old = expr.State[v];
        var term = value.Term;
        expr.State[v] = indices.Count == 0
            ? _ => term
            : args => Ite(And(indices.Select((ix, k) => Eq(args[k], ix))), term, old(args));
        ShareFunction(v);
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
        var start = expr.State.Clone();

        var thenEntry = And(before, c.Term);
        PathCondition = thenEntry;
        s.Then.Accept(this);
        var thenState = expr.State;
        var thenExit = PathCondition;

        var elseEntry = And(before, Not(c.Term));
        expr.State = start.Clone();
        PathCondition = elseEntry;
        s.Else.Accept(this);
        var elseState = expr.State;
        var elseExit = PathCondition;

        var merged = start.Clone();
        var condition = c.Term;
        foreach (var v in start.Vars)
        {
            var t = thenState[v];
            var f = elseState[v];
            merged[v] = ReferenceEquals(t, f) ? t : args => Ite(condition, t(args), f(args));
        }

        expr.State = merged;
        foreach (var v in start.Vars.Where(v => !ReferenceEquals(thenState[v], elseState[v])))
        {
            ShareFunction(v);
        }

        PathCondition = thenExit == thenEntry && elseExit == elseEntry ? before : Or(thenExit, elseExit);
        return true;
    }

    public bool VisitFor(ForStmt s)
    {
        var slot = s.Variable.Slot;
        var saved = expr.Locals[slot];
        if (s.Variable.Domain is ScalarsetType set)
        {
            RunScalarsetLoop(s, set);
        }
        else
        {
            var type = s.Variable.Domain;
            for (var o = 0; o < type.Count; o++)
            {
                var value = type.ValueAt(o);
                expr.Locals[slot] = new SmtValue(ProveVocabulary.Literal(type, value), False, value);
                s.Body.Accept(this);
            }
        }

        expr.Locals[slot] = saved;
        return true;
    }

    private void RunScalarsetLoop(ForStmt s, ScalarsetType set)
    {
        var loop = new ScalarsetLoop(names.Fresh("lx"), ProveVocabulary.SortOf(set));
        var before = expr.State.Clone();
        var entry = PathCondition;
        expr.Locals[s.Variable.Slot] = SmtValue.Of(loop.Member);
        loops.Push(loop);
        s.Body.Accept(this);
        loops.Pop();
        var after = expr.State;
        PathCondition = entry;

        var result = before.Clone();
        foreach (var group in loop.Writes.GroupBy(w => w.Var))
        {
            result[group.Key] = loop.Combine(group.Key, [.. group], before[group.Key], after[group.Key], s);
        }

        expr.State = result;
        foreach (var v in loop.Writes.Select(w => w.Var).Distinct())
        {
            ShareFunction(v);
        }

        // What the body asserted and the errors it may raise, for every member.
        var binding = $"(({loop.Member} {loop.Sort}))";
        if (loop.Assertions.Count > 0)
        {
            AssertionSink.Add($"(forall {binding} {And(loop.Assertions)})");
        }

        if (loop.Errors.Count > 0)
        {
            ErrorSink.Add($"(exists {binding} {Or(loop.Errors)})");
        }

        // The enclosing loops see this loop's writes and reads with its member as a wildcard.
        foreach (var outer in loops)
        {
            outer.Writes.AddRange(loop.Writes.Select(w => loop.Summarize(w)));
            outer.Reads.AddRange(loop.Reads.Select(r => (r.Var, loop.Summarize(r.Indices))));
        }
    }

    public bool VisitAny(AnyStmt s)
    {
        var slot = s.Variable.Slot;
        var type = s.Variable.Domain;
        var saved = expr.Locals[slot];

        // The evaluator tries 'where' for every value of the type: an error for any value is an error.
        if (s.Where is not null)
        {
            if (type is ScalarsetType set)
            {
                var probe = names.Fresh("w");
                expr.Locals[slot] = SmtValue.Of(probe);
                var error = expr.Translate(s.Where).Error;
                Error(error == False ? False : $"(exists (({probe} {ProveVocabulary.SortOf(set)})) {error})");
            }
            else
            {
                var errors = new List<string>();
                for (var o = 0; o < type.Count; o++)
                {
                    var value = type.ValueAt(o);
                    expr.Locals[slot] = new SmtValue(ProveVocabulary.Literal(type, value), False, value);
                    errors.Add(expr.Translate(s.Where).Error);
                }

                Error(Or(errors));
            }
        }

        var chosen = SmtValue.Of(Fresh("ch", expr.Vocabulary.Sort(type)));
        expr.Locals[slot] = chosen;
        var condition = And(type is RangeType ? InRange(type, chosen.Term) : True, s.Where is null ? True : expr.Translate(s.Where).Term);

        // No value satisfying 'where' on a path taken means no successor, unless a model error
        // came first on the path (the evaluator stops there; the error must stay reachable).
        var sofar = loops.SelectMany(l => l.Errors).Concat(topErrors).ToList();
        var noErrorYet = sofar.Count == 0 ? True : Not(Or(sofar));
        AssertionSink.Add(Implies(And(PathCondition, noErrorYet), condition));
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
        var rangeError = s.Variable.Type is ScalarType domain ? ParamExprTranslator.OutOfRange(domain, s.Value.Type, value) : False;
        Error(Or(value.Error, rangeError));
        expr.Locals[slot] = Share(value with { Error = False }, expr.Vocabulary.Sort(s.Variable.Type));
        s.Body.Accept(this);
        expr.Locals[slot] = saved;
        return true;
    }

    public bool VisitNote(NoteStmt s) => true;
}
