using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// Writes the body of one step. Conditions known while writing (parameters, unrolled loop
/// variables and fixed choices are literals) keep only their live branch, and the writer
/// tracks what the step has written where it may abort, so that only those locations get
/// shadow copies.
/// </summary>
/// <remarks>
/// In a deterministic step every <c>any</c> has a fixed value (its ordinal in
/// <c>choices</c>, in the order of <see cref="StmtFacts.ChoiceDomains"/>). A choice the run
/// does not reach (its <c>if</c> branch is not taken) must be at ordinal 0 in the combination
/// that makes the step: the combinations differing only there would make the same successor
/// again, so a path that leaves a choice unreached at another ordinal aborts. Hence each
/// successor comes from one combination, and a combination that aborts on every path is not
/// written at all.
/// </remarks>
internal sealed class PromelaStatements
{
    private readonly PromelaContext context;
    private readonly StepKind kind;
    private readonly int[]? choices;
    private readonly Locations written = new();
    private readonly Dictionary<Stmt, int> choiceCounts = new(ReferenceEqualityComparer.Instance);
    private int nextChoice;

    public PromelaStatements(PromelaContext context, StepKind kind, int label, int[]? choices, int indent)
    {
        this.context = context;
        this.kind = kind;
        this.choices = choices;
        AbortLabel = $"abort_{label}";
        Body = new PromelaText(indent);
    }

    /// <summary>The body written so far.</summary>
    public PromelaText Body { get; private set; }

    public string AbortLabel { get; }

    /// <summary>True when some path goes to the abort label.</summary>
    public bool MayAbort { get; private set; }

    /// <summary>What may have been written before some abort: what the abort path must restore.</summary>
    public Locations Shadowed { get; } = new();

    /// <summary>The scratch variables of <c>let</c>s this step set (to reset when it ends).</summary>
    public SortedSet<string> LetVariables { get; } = new(StringComparer.Ordinal);

    private PromelaExpressions Expressions => context.Expressions;

    public Flow Write(Stmt s)
    {
        var start = nextChoice;
        var flow = s switch
        {
            BlockStmt b => Block(b),
            AssignStmt a => Assign(a),
            IfStmt i => If(i, start),
            ForStmt f => For(f),
            AnyStmt any => choices is null ? AnyOfAll(any) : FixedAny(any),
            LetStmt l => Let(l),
            NoteStmt => Flow.Continues,
            _ => throw new NotSupportedException($"Promela export: no form for {s.GetType().Name}"),
        };

        // A statement that stopped early (it aborts) still owns all of its choices' ordinals.
        nextChoice = start + ChoiceCount(s);
        return flow;
    }

    private Flow Block(BlockStmt b)
    {
        foreach (var s in b.Statements)
        {
            if (Write(s) == Flow.Aborts)
            {
                return Flow.Aborts; // what follows is never run
            }
        }

        return Flow.Continues;
    }

    private Flow Assign(AssignStmt a)
    {
        var places = Expressions.Places(a.Target);
        var value = Expressions.Code(a.Value);
        if (a.Target.Type is RangeType r && !(value.Value is { } v && v >= r.Lo && v <= r.Hi))
        {
            Body.Line($"assert({r.Lo} <= {value} && {value} <= {r.Hi});");
        }

        foreach (var place in places)
        {
            written.Add(place.Root, place.Offset.Value);
        }

        if (places.Count == 1)
        {
            Body.Line($"{places[0].Text} = {value};");
            return Flow.Continues;
        }

        // An index that reads its own array: one assignment per place it may be.
        Body.Line("if");
        for (var k = 0; k < places.Count; k++)
        {
            Body.Line($":: {(k == places.Count - 1 ? "else" : places[k].Condition!.Value.Text)} -> {places[k].Text} = {value}");
        }

        Body.Line("fi;");
        return Flow.Continues;
    }

    private Flow If(IfStmt i, int start)
    {
        var condition = Expressions.Code(i.Condition);
        var thenChoices = ChoiceCount(i.Then);
        var thenChosen = Chosen(start, thenChoices);
        var elseChosen = Chosen(start + thenChoices, ChoiceCount(i.Else));
        if (condition.IsKnown)
        {
            // The dead branch's choices are never reached: see the remarks on ordinal 0.
            if (condition.IsTrue ? elseChosen : thenChosen)
            {
                return Abort();
            }

            nextChoice = condition.IsTrue ? start : start + thenChoices;
            return Write(condition.IsTrue ? i.Then : i.Else);
        }

        if (thenChosen && elseChosen)
        {
            return Abort();
        }

        var (thenText, thenFlow) = Branch(() => elseChosen ? Abort() : Write(i.Then));
        nextChoice = start + thenChoices;
        var (elseText, elseFlow) = Branch(() => thenChosen ? Abort() : Write(i.Else));
        if (thenText.IsEmpty && elseText.IsEmpty && !condition.MayFail)
        {
            return Flow.Continues; // nothing happens either way
        }

        Body.Line("if");
        WriteBranch($":: {condition} ->", thenText);
        WriteBranch(":: else ->", elseText);
        Body.Line("fi;");
        return thenFlow == Flow.Aborts && elseFlow == Flow.Aborts ? Flow.Aborts : Flow.Continues;
    }

    private Flow For(ForStmt f)
    {
        foreach (var value in f.Variable.Domain.Values())
        {
            if (Bound(f.Variable, PromelaCode.Known(value), f.Body) == Flow.Aborts)
            {
                return Flow.Aborts;
            }
        }

        return Flow.Continues;
    }

    private Flow Let(LetStmt l)
    {
        var value = Expressions.Code(l.Value);
        if (value.IsKnown)
        {
            return Bound(l.Variable, value, l.Body);
        }

        // The value is read now: the body may change what it was computed from.
        var name = context.Scratch.Let(l.Variable);
        LetVariables.Add(name);
        Body.Line($"{name} = {value};");
        return Bound(l.Variable, PromelaCode.Runtime(name, false), l.Body);
    }

    /// <summary>An <c>any</c> whose value this step fixes: its condition must hold, or no successor.</summary>
    private Flow FixedAny(AnyStmt any)
    {
        var ordinal = choices![nextChoice++];
        if (any.Variable.Domain.Count == 0)
        {
            return Abort();
        }

        var value = PromelaCode.Known(any.Variable.Domain.ValueAt(ordinal));
        var guard = any.Where is null ? PromelaCode.True : With(any.Variable, value, () => Expressions.Code(any.Where));
        if (guard.IsFalse)
        {
            return Abort();
        }

        if (!guard.IsTrue)
        {
            RecordAbort();
            Body.Line($"if :: {guard} -> skip :: else -> goto {AbortLabel} fi;");
        }

        return Bound(any.Variable, value, any.Body);
    }

    /// <summary>An <c>any</c> in an atomic step: a nondeterministic <c>if</c> with a branch per candidate, and the abort path when none holds.</summary>
    private Flow AnyOfAll(AnyStmt any)
    {
        var candidates = any.Variable.Domain.Values()
            .Select(v => (Value: PromelaCode.Known(v), Guard: any.Where is null ? PromelaCode.True : With(any.Variable, PromelaCode.Known(v), () => Expressions.Code(any.Where))))
            .Where(c => !c.Guard.IsFalse)
            .ToList();
        if (candidates.Count == 0)
        {
            return Abort();
        }

        var mayHaveNone = !candidates.Any(c => c.Guard.IsTrue);
        if (mayHaveNone)
        {
            RecordAbort();
        }

        var flows = new List<Flow>();
        Body.Line("if");
        foreach (var (value, guard) in candidates)
        {
            var (text, flow) = Branch(() => Bound(any.Variable, value, any.Body));
            flows.Add(flow);
            WriteBranch($":: {(guard.IsTrue ? "true" : guard.Text)} ->", text);
        }

        if (mayHaveNone)
        {
            Body.Line($":: else -> goto {AbortLabel}");
        }

        Body.Line("fi;");
        return flows.All(f => f == Flow.Aborts) ? Flow.Aborts : Flow.Continues;
    }

    /// <summary>No successor on this path: undo the step (what was written so far gets a shadow copy).</summary>
    private Flow Abort()
    {
        RecordAbort();
        Body.Line($"goto {AbortLabel};");
        return Flow.Aborts;
    }

    private void RecordAbort()
    {
        MayAbort = true;
        if (kind != StepKind.Init)
        {
            Shadowed.UnionWith(written);
        }
    }

    /// <summary>A branch written apart, one level deeper than its <c>::</c>.</summary>
    private (PromelaText Text, Flow Flow) Branch(Func<Flow> write)
    {
        var outer = Body;
        Body = new PromelaText(outer.Indent + 1);
        try
        {
            var flow = write();
            return (Body, flow);
        }
        finally
        {
            Body = outer;
        }
    }

    private void WriteBranch(string opening, PromelaText text)
    {
        if (text.IsEmpty)
        {
            Body.Line($"{opening} skip");
            return;
        }

        Body.Line(opening);
        Body.Append(text);
    }

    /// <summary>True when this combination fixes some choice among <paramref name="count"/> from <paramref name="start"/> at another ordinal than 0.</summary>
    private bool Chosen(int start, int count)
    {
        if (choices is null)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            if (choices[k] != 0)
            {
                return true;
            }
        }

        return false;
    }

    private int ChoiceCount(Stmt s)
    {
        if (!choiceCounts.TryGetValue(s, out var n))
        {
            n = StmtFacts.ChoiceDomains(s).Count();
            choiceCounts[s] = n;
        }

        return n;
    }

    private Flow Bound(Local local, PromelaCode value, Stmt body) => With(local, value, () => Write(body));

    private T With<T>(Local local, PromelaCode value, Func<T> body) => ScopedBinding.With(Expressions.Locals, local, value, body);
}
