using System.Globalization;
using System.Text;
using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// Writes one variant of a model as Promela for SPIN: the same transition system, so that
/// SPIN's state count is an oracle for HvModel's engine (and HvModel's speed can be compared
/// with SPIN's on the very model it checks).
/// </summary>
/// <remarks>
/// The layout: every state variable is a global (arrays flattened to one dimension); one
/// process runs the init block as one atomic step, then loops over one
/// <c>:: d_step { guard -> effect }</c> branch per action instance and combination of the
/// values of its choices (<c>any</c>): with parameters and choices fixed, the effect is
/// deterministic, and SPIN stores no state inside it. Quantifiers and <c>for</c> loops are
/// unrolled over their finite types, and what is then known while writing is folded
/// (<see cref="PromelaExpressions"/>): only live branches are written, and a combination that
/// can never make a successor is not written at all (<see cref="PromelaStatements"/>). An
/// <c>any</c> whose fixed value fails its condition (no successor in HvModel) restores the
/// locations the step wrote before it from shadow copies, so that the step ends in the state
/// it began in: no new state. Hence the states at the loop head are HvModel's states one for
/// one; SPIN also counts its pre-init state and the states inside atomic sequences where a
/// choice is made (the init block, and an action with more than <see cref="MaxSplit"/>
/// combinations, whose choices stay nondeterministic <c>if</c>s), which it counts as "atomic
/// steps" and its nominal states leave out. Invariants, when given, are asserts after every
/// step; without them, compare whole state spaces (run pan with -E). Range violations on
/// assignment are asserts; an index out of range is pan's own error.
/// <para>
/// Liveness, when asked (<see cref="PromelaLiveness"/>): each property is a never claim named
/// after it that accepts the fair behaviours breaking it (<see cref="NeverClaim"/>), with its
/// formula in SPIN's LTL above it; each step records the fair instance it took in
/// <c>live_taken</c>, a stutter branch lets a behaviour stop anywhere, and a macro per fair
/// instance says where it has a successor. Run <c>spin -a; gcc -DNOREDUCE; ./pan -a -N NAME</c>
/// (the <c>liveness</c> profile of bench/spin-profiles): an acceptance cycle is a violation. The
/// extras add states (a state for each value of <c>live_taken</c>), so state counts are taken
/// without them. An atomic step (more than <see cref="MaxSplit"/> combinations) stores states
/// halfway, but a never claim moves only when the whole sequence has run (it never blocks
/// halfway: an <c>any</c> with no value restores the state), so it never reads them.
/// </para>
/// </remarks>
public static class PromelaExporter
{
    /// <summary>Most d_steps one action instance is split into (one per combination of its choices).</summary>
    public const int MaxSplit = 1024;

    /// <summary>
    /// The Promela text of <paramref name="variant"/>. The <paramref name="invariants"/> given
    /// become asserts checked after the init step and after every step, so that pan gives a
    /// verdict; the <paramref name="liveness"/> properties given become never claims under the
    /// model's fairness. With neither, the text is the bare transition system (for state counts).
    /// </summary>
    public static string Export(Model model, Variant variant, string commandLine, IReadOnlyList<PropertyDef>? invariants = null, IReadOnlyList<LivenessDef>? liveness = null)
    {
        var chosen = invariants ?? [];
        if (chosen.FirstOrDefault(p => p.Kind != PropertyKind.Invariant) is { } cover)
        {
            throw new ArgumentException($"Promela export: {cover.Name} is a cover; only invariants become asserts", nameof(invariants));
        }

        var context = new PromelaContext(model, variant, chosen);
        if (liveness is { Count: > 0 })
        {
            context.Liveness = new PromelaLiveness(model, context.Expressions, liveness);
        }

        var steps = new PromelaText(1);
        PromelaStep.Write(steps, context, StepKind.Init, "atomic {", null, model.Init, null, "init");
        steps.Line("do");
        var branches = 0;
        foreach (var action in model.Actions)
        {
            foreach (var instance in action.Instances())
            {
                branches += Instance(steps, context, action, instance);
            }
        }

        if (context.Liveness is not null)
        {
            steps.Line(PromelaLiveness.Stutter);
        }
        else if (branches == 0)
        {
            steps.Line(":: false -> skip /* no step is ever enabled */");
        }

        steps.Line("od");
        var text = Header(model, variant, commandLine, context) + "active proctype system()\n{\n" + steps + "}\n";
        if (context.Liveness is { } live)
        {
            var claims = new PromelaText(0);
            live.WriteClaims(claims);
            text += "\n" + claims;
        }

        return text;
    }

    /// <summary>The name of the never claim of <paramref name="property"/> (pan's <c>-N</c>).</summary>
    public static string ClaimName(LivenessDef property) => PromelaLiveness.ClaimName(property);

    /// <summary>One action instance: a d_step per combination of its choices, or one atomic step when there are too many. Returns the branches written.</summary>
    private static int Instance(PromelaText steps, PromelaContext context, ActionDef action, ActionInstance instance)
    {
        var call = PromelaNames.Sanitize(instance.ToString());
        void Bind()
        {
            // A guard and a step read the state a step begins in: nothing of it is known. (A
            // combination that is not written stops its writer early, with what it knew then.)
            context.Expressions.State.Clear();

            // Each step clears the bindings when it ends: bind the parameters for each one.
            context.Expressions.Locals.Clear();
            for (var i = 0; i < instance.Args.Length; i++)
            {
                context.Expressions.Locals[action.Parameters[i]] = PromelaCode.Known(instance.Args[i]);
            }
        }

        Bind();
        var guard = context.Expressions.Code(action.Guard);
        if (guard.IsFalse)
        {
            steps.Line($"/* {call}: never enabled in this variant */");
            return 0;
        }

        var choices = StmtFacts.ChoiceDomains(action.Body).ToList();
        if (ChoiceCombinations.Count(choices, MaxSplit) > MaxSplit)
        {
            return PromelaStep.Write(steps, context, StepKind.Atomic, $":: atomic {{ /* {call} */", guard, action.Body, null, call, instance) ? 1 : 0;
        }

        var written = 0;
        foreach (var combination in ChoiceCombinations.All(choices))
        {
            Bind();
            var named = choices.Count == 0 ? call : $"{call}, choices {string.Join(" ", combination)}";
            written += PromelaStep.Write(steps, context, StepKind.Deterministic, $":: d_step {{ /* {named} */", guard, action.Body, combination, call, instance) ? 1 : 0;
        }

        return written;
    }

    private static string Header(Model model, Variant variant, string commandLine, PromelaContext context)
    {
        var scratch = context.Scratch;
        var header = new StringBuilder();
        header.AppendLine(CultureInfo.InvariantCulture, $"/* {model.Name}, variant {variant.Name}: exported by {PromelaNames.Sanitize(commandLine)} */");
        header.AppendLine(CultureInfo.InvariantCulture, $"/* constants: {PromelaNames.Sanitize(model.ConstantAssignments)} */");
        header.AppendLine("/* Compare state counts with: spin -o1 -o2 -a FILE; gcc -O2 -DNOREDUCE -DSAFETY -DBFS -o pan pan.c; ./pan -E */");
        header.AppendLine("/* (nominal states: 'states, stored' less 'atomic steps'; less the pre-init state, see hvmodel's README). */");
        if (context.Liveness is not null)
        {
            header.AppendLine("/* Liveness: each property is a never claim named after it, accepting the fair behaviours that break it;");
            header.AppendLine("   check one with: spin -a FILE; gcc -O2 -DNOREDUCE -o pan pan.c; ./pan -a -m1000000 -N NAME");
            header.AppendLine("   ('errors: 0': it holds; 'acceptance cycle': a fair behaviour breaks it). These extras add states:");
            header.AppendLine("   live_taken, the fair instance the last step took (0: none, or a choice with no value, which");
            header.AppendLine("   restores the state), tells the claims which instance moved; the enabled macros below say which");
            header.AppendLine("   could have (has a successor: its guard holds and some run of its choices completes); the stutter");
            header.AppendLine("   branch lets a behaviour stop anywhere, fairly only where no fair instance is enabled. Count states");
            header.AppendLine("   without --liveness. */");
        }

        header.AppendLine();
        foreach (var v in model.Vars)
        {
            var scalar = PromelaNames.ElementType(v.Type);
            var type = PromelaNames.Type(scalar);
            var init = PromelaCode.Literal(scalar.ValueAt(0));
            var size = v.Type is ArrayType ? $"[{Types.SlotCount(v.Type)}]" : "";
            header.AppendLine(CultureInfo.InvariantCulture, $"{type} {PromelaNames.Name(v)}{size} = {init};");
        }

        foreach (var line in context.Liveness?.Declarations ?? [])
        {
            header.AppendLine(line);
        }

        if (!scratch.IsEmpty)
        {
            header.AppendLine();
            header.AppendLine("/* Scratch: a let's value, shadow copies that undo a step with no successor; reset to 0 when a step ends. */");
            foreach (var line in scratch.Declarations)
            {
                header.AppendLine(line);
            }
        }

        header.AppendLine();
        return header.ToString();
    }
}
