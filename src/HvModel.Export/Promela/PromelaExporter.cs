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
/// steps" and its nominal states leave out. Properties are not exported (compare whole state spaces: run pan with -E).
/// Range violations on assignment are asserts; an index out of range is pan's own error.
/// </remarks>
public static class PromelaExporter
{
    /// <summary>Most d_steps one action instance is split into (one per combination of its choices).</summary>
    public const int MaxSplit = 1024;

    /// <summary>
    /// The Promela text of <paramref name="variant"/>. The <paramref name="invariants"/> given
    /// become asserts checked after the init step and after every step, so that pan gives a
    /// verdict; with none, the text is the bare transition system (for state counts).
    /// </summary>
    public static string Export(Model model, Variant variant, string commandLine, IReadOnlyList<PropertyDef>? invariants = null)
    {
        var chosen = invariants ?? [];
        if (chosen.FirstOrDefault(p => p.Kind != PropertyKind.Invariant) is { } cover)
        {
            throw new ArgumentException($"Promela export: {cover.Name} is a cover; only invariants become asserts", nameof(invariants));
        }

        var context = new PromelaContext(model, variant, chosen);
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

        if (branches == 0)
        {
            steps.Line(":: false -> skip /* no step is ever enabled */");
        }

        steps.Line("od");
        return Header(model, variant, commandLine, context.Scratch) + "active proctype system()\n{\n" + steps + "}\n";
    }

    /// <summary>One action instance: a d_step per combination of its choices, or one atomic step when there are too many. Returns the branches written.</summary>
    private static int Instance(PromelaText steps, PromelaContext context, ActionDef action, ActionInstance instance)
    {
        var call = PromelaNames.Sanitize(instance.ToString());
        void Bind()
        {
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
            return PromelaStep.Write(steps, context, StepKind.Atomic, $":: atomic {{ /* {call} */", guard, action.Body, null, call) ? 1 : 0;
        }

        var written = 0;
        foreach (var combination in ChoiceCombinations.All(choices))
        {
            Bind();
            var named = choices.Count == 0 ? call : $"{call}, choices {string.Join(" ", combination)}";
            written += PromelaStep.Write(steps, context, StepKind.Deterministic, $":: d_step {{ /* {named} */", guard, action.Body, combination, call) ? 1 : 0;
        }

        return written;
    }

    private static string Header(Model model, Variant variant, string commandLine, PromelaScratch scratch)
    {
        var header = new StringBuilder();
        header.AppendLine(CultureInfo.InvariantCulture, $"/* {model.Name}, variant {variant.Name}: exported by {PromelaNames.Sanitize(commandLine)} */");
        header.AppendLine(CultureInfo.InvariantCulture, $"/* constants: {PromelaNames.Sanitize(model.ConstantAssignments)} */");
        header.AppendLine("/* Compare state counts with: spin -o1 -o2 -a FILE; gcc -O2 -DNOREDUCE -DSAFETY -DBFS -o pan pan.c; ./pan -E */");
        header.AppendLine("/* (nominal states: 'states, stored' less 'atomic steps'; less the pre-init state, see hvmodel's README). */");
        header.AppendLine();
        foreach (var v in model.Vars)
        {
            var scalar = PromelaNames.ElementType(v.Type);
            var type = PromelaNames.Type(scalar);
            var init = PromelaCode.Literal(scalar.ValueAt(0));
            var size = v.Type is ArrayType ? $"[{Types.SlotCount(v.Type)}]" : "";
            header.AppendLine(CultureInfo.InvariantCulture, $"{type} {PromelaNames.Name(v)}{size} = {init};");
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
