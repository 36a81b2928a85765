using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// Writes the body of one step. Conditions known while writing (parameters, unrolled loop
/// variables and fixed choices are literals, and so are places the step set to a literal)
/// keep only their live branch. Where the step may have no successor, <see cref="Aborts"/>
/// decides whether the condition moves into the guard or the step jumps to its abort path.
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
    private readonly int[]? choices;
    private readonly Dictionary<Stmt, int> choiceCounts = new(ReferenceEqualityComparer.Instance);
    private int nextChoice;

    public PromelaStatements(PromelaContext context, StepKind kind, int label, int[]? choices, int indent)
    {
        this.context = context;
        this.choices = choices;
        AbortLabel = $"abort_{label}";
        Body = new PromelaText(indent);
        Aborts = new AbortPaths(hoisting: kind == StepKind.Deterministic, restores: kind != StepKind.Init);
        context.Expressions.State.Clear();
    }

    /// <summary>The body written so far.</summary>
    public PromelaText Body { get; private set; }

    public string AbortLabel { get; }

    /// <summary>Where the step may have no successor: the conditions moved into its guard, the jumps to its abort path and what that restores.</summary>
    public AbortPaths Aborts { get; }

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
            Aborts.Written.Add(place.Root, place.Offset.Value);
            var offset = place.Offset.MayFail ? null : place.Offset.Value;
            Expressions.State.Assigned(place.Root, offset, places.Count == 1 ? value.Value : null);
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
        var (condition, hoistable) = Condition(() => Expressions.Code(i.Condition));
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

        var before = Expressions.State.Save();
        var then = Branch(hoistable ? condition : null, () => elseChosen ? Abort() : Write(i.Then));
        var thenState = Expressions.State.Save();
        Expressions.State.Restore(before);
        nextChoice = start + thenChoices;
        var otherwise = Branch(hoistable ? AbortPaths.Not(condition) : null, () => thenChosen ? Abort() : Write(i.Else));
        Expressions.State.RestoreMeet([.. new[] { (then, thenState), (otherwise, Expressions.State.Save()) }.Where(b => b.Item1.Flow == Flow.Continues).Select(b => b.Item2)]);

        // A branch that aborts on every path without a jump has moved its condition into the
        // guard: it is never taken, and the other branch always is.
        var thenExcluded = then.Flow == Flow.Aborts && then.Jumps == 0;
        var elseExcluded = otherwise.Flow == Flow.Aborts && otherwise.Jumps == 0;
        if (thenExcluded || elseExcluded)
        {
            if (!(thenExcluded && elseExcluded))
            {
                Body.Append((thenExcluded ? otherwise : then).Text, -1);
            }

            return thenExcluded && elseExcluded ? Flow.Aborts : (thenExcluded ? otherwise : then).Flow;
        }

        if (then.Text.IsEmpty && otherwise.Text.IsEmpty && !condition.MayFail)
        {
            return Flow.Continues; // nothing happens either way
        }

        Body.Line("if");
        WriteBranch($":: {condition} ->", then.Text);
        WriteBranch(":: else ->", otherwise.Text);
        Body.Line("fi;");
        return then.Flow == Flow.Aborts && otherwise.Flow == Flow.Aborts ? Flow.Aborts : Flow.Continues;
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
        var (guard, hoistable) = any.Where is null ? (PromelaCode.True, true) : Condition(() => With(any.Variable, value, () => Expressions.Code(any.Where)));
        if (guard.IsFalse)
        {
            return Abort();
        }

        if (!guard.IsTrue && !(hoistable && Aborts.TryHoist(guard)))
        {
            Aborts.Jump();
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
            Aborts.Jump();
        }

        var flows = new List<Flow>();
        var before = Expressions.State.Save();
        var after = new List<IReadOnlyDictionary<(StateVar Var, int Offset), int>>();
        Body.Line("if");
        foreach (var (value, guard) in candidates)
        {
            Expressions.State.Restore(before);
            var branch = Branch(null, () => Bound(any.Variable, value, any.Body));
            flows.Add(branch.Flow);
            if (branch.Flow == Flow.Continues)
            {
                after.Add(Expressions.State.Save());
            }

            WriteBranch($":: {(guard.IsTrue ? "true" : guard.Text)} ->", branch.Text);
        }

        Expressions.State.RestoreMeet(after);

        if (mayHaveNone)
        {
            Body.Line($":: else -> goto {AbortLabel}");
        }

        Body.Line("fi;");
        return flows.All(f => f == Flow.Aborts) ? Flow.Aborts : Flow.Continues;
    }

    /// <summary>No successor on this path: moved into the guard, or a jump to the abort path.</summary>
    private Flow Abort()
    {
        if (!Aborts.TryHoist(null))
        {
            Aborts.Jump();
            Body.Line($"goto {AbortLabel};");
        }

        return Flow.Aborts;
    }

    /// <summary>A condition written now, and whether it may move into the guard.</summary>
    private (PromelaCode Code, bool Hoistable) Condition(Func<PromelaCode> write)
    {
        var reads = new ReadSet();
        Expressions.Reads = reads;
        try
        {
            var code = write();
            return (code, Aborts.Hoistable(code, reads));
        }
        finally
        {
            Expressions.Reads = null;
        }
    }

    /// <summary>A branch taken when <paramref name="condition"/> holds, written apart one level deeper than its <c>::</c>, with the jumps written in it.</summary>
    private (PromelaText Text, Flow Flow, int Jumps) Branch(PromelaCode? condition, Func<Flow> write)
    {
        var outer = Body;
        var jumps = Aborts.Jumps;
        Body = new PromelaText(outer.Indent + 1);
        Aborts.Enter(condition);
        try
        {
            var flow = write();
            return (Body, flow, Aborts.Jumps - jumps);
        }
        finally
        {
            Aborts.Leave();
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
