using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// Writes one step around its body: the opening and the guard (with the conditions of the
/// body's abort points moved into it), the shadow copies of what the body may have written
/// before it jumps to its abort path, the abort path that restores them (or, in the init
/// block, blocks), the reset of scratch, and the invariants' asserts. With liveness, a step
/// also records the instance it took, or none when it restored the state
/// (<see cref="PromelaLiveness"/>), and the init step marks the start.
/// </summary>
internal static class PromelaStep
{
    /// <summary>
    /// Writes the step into <paramref name="output"/>; false, and nothing written, when the
    /// step aborts on every path (a combination of choices that never makes a successor).
    /// </summary>
    public static bool Write(PromelaText output, PromelaContext context, StepKind kind, string opening, PromelaCode? guard, Stmt body, int[]? choices, string what, ActionInstance? instance = null)
    {
        var label = context.NextLabel();
        var statements = new PromelaStatements(context, kind, label, choices, output.Indent + 1);
        if (statements.Write(body) == Flow.Aborts && kind != StepKind.Init)
        {
            // Not written: what the writer knew on its way is no one's.
            context.Expressions.Locals.Clear();
            context.Expressions.State.Clear();
            return false;
        }

        output.Line(opening);
        output.Indent++;
        if (guard is { } g)
        {
            var conditions = statements.Aborts.Hoisted.Prepend(g).Where(c => !c.IsTrue).Select(c => c.Text).ToList();
            output.Line($"{(conditions.Count == 0 ? "true" : conditions.Count == 1 ? conditions[0] : $"({string.Join(" && ", conditions)})")} ->");
        }

        var start = output.Lines;

        var shadowed = statements.Aborts.Shadowed.InOrder(context.Model.Vars).ToList();
        foreach (var (v, offsets) in shadowed)
        {
            Copy(output, offsets, context.Scratch.Shadow(v), PromelaNames.Name(v));
        }

        output.Append(statements.Body);
        if (context.Liveness is { } liveness)
        {
            output.Line(kind == StepKind.Init ? "live_started = true;" : $"{liveness.Taken(instance!)};");
        }

        if (statements.Aborts.Jumps > 0)
        {
            output.Line($"goto done_{label};");
            output.Line($"{statements.AbortLabel}: /* {PromelaNames.Sanitize(what)}: an 'any' with no candidate, no successor */");
            if (kind == StepKind.Init)
            {
                output.Line("false"); // no initial state on this path: the process blocks (see the README)
            }

            foreach (var (v, offsets) in shadowed)
            {
                Copy(output, offsets, PromelaNames.Name(v), context.Scratch.Shadow(v));
            }

            if (context.Liveness is not null && kind != StepKind.Init)
            {
                output.Line($"{PromelaLiveness.NothingTaken};"); // no successor: the same transition as the stutter step
            }

            output.Line($"done_{label}: skip;");
        }

        // Scratch is part of the state: back to 0, so that it never tells two states apart.
        foreach (var (v, offsets) in shadowed)
        {
            Reset(output, offsets, context.Scratch.Shadow(v));
        }

        foreach (var name in statements.LetVariables)
        {
            output.Line($"{name} = 0;");
        }

        context.Expressions.Locals.Clear();
        context.Expressions.State.Clear(); // the invariants read the state the step ends in, or was restored to
        foreach (var p in context.Invariants)
        {
            var holds = context.Expressions.Code(p.Predicate);
            if (!holds.IsTrue)
            {
                output.Line($"assert({holds}); /* invariant {PromelaNames.Sanitize(p.Name)} */");
            }
        }

        if (output.Lines == start)
        {
            output.Line("skip"); // a step does something, if only to take its guard
        }

        output.Indent--;
        output.Line("}");
        return true;
    }

    private static void Copy(PromelaText output, IEnumerable<int>? offsets, string to, string from)
    {
        if (offsets is null)
        {
            output.Line($"{to} = {from};");
            return;
        }

        foreach (var k in offsets)
        {
            output.Line($"{to}[{k}] = {from}[{k}];");
        }
    }

    private static void Reset(PromelaText output, IEnumerable<int>? offsets, string name)
    {
        if (offsets is null)
        {
            output.Line($"{name} = 0;");
            return;
        }

        foreach (var k in offsets)
        {
            output.Line($"{name}[{k}] = 0;");
        }
    }
}
