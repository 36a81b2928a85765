using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using HvModel.Export.Aiger;

namespace HvModel.Tests.Export;

/// <summary>Why the bad output of an exported file became true.</summary>
public enum AigerBad
{
    /// <summary>The invariant is false, the cover reached, or nothing is enabled.</summary>
    PropertyFails,

    /// <summary>The evaluator raises a model error in that state (or in the init block).</summary>
    ModelError,
}

/// <summary>
/// Runs input vectors (a peer's counterexample, or random ones) through an exported AIGER file
/// and holds every step to the evaluator: the first state the latches hold is initial, a step
/// that changes the state is one of the selected instance's outcomes (exactly its outcome when
/// its body makes no choice, and no change when it is not enabled), the bad output is false
/// where the property holds, and where it is true the evaluator sees the property fail or a
/// model error. The steps that change the state make a <see cref="Trace"/>, replayed at the
/// end by <see cref="TraceReplayer"/> as every engine's traces are.
/// </summary>
public static class AigerReplay
{
    public static (Trace Trace, AigerBad? Bad) Run(Model model, Variant variant, PropertyDef? property, AigerExport export, IReadOnlyList<bool[]> frames)
    {
        var circuit = new AigerCircuit(export.Bytes);
        var layout = export.Layout;
        Assert.Equal(layout.InputCount, circuit.InputCount);
        Assert.Equal(layout.LatchCount, circuit.LatchCount);
        var semantics = new Semantics(model, variant);
        var latches = new bool[circuit.LatchCount];
        var steps = new List<TraceStep>();
        if (layout.IsInitialized(latches))
        {
            steps.Add(TraceStep.Initial(layout.StateOf(latches)));
        }

        for (var f = 0; f < frames.Count; f++)
        {
            var (bad, next) = circuit.Step(latches, frames[f]);
            var trace = new Trace([.. steps]);
            if (!layout.IsInitialized(latches))
            {
                if (bad)
                {
                    Assert.Throws<ModelRuntimeError>(() => semantics.InitialStates(_ => { }));
                    return (trace, AigerBad.ModelError);
                }

                if (layout.IsInitialized(next))
                {
                    steps.Add(TraceStep.Initial(layout.StateOf(next)));
                }

                latches = next;
                continue;
            }

            var state = layout.StateOf(latches);
            if (bad)
            {
                var why = Explain(semantics, property, state);
                Assert.True(why is not null, $"step {f}: the bad output is true, but the evaluator sees {property?.Name ?? "deadlock freedom"} hold and no model error in {Show(model, state)}");
                if (why == AigerBad.PropertyFails)
                {
                    TraceReplayer.Replay(semantics, trace, property);
                }

                return (trace, why);
            }

            Assert.True(Explain(semantics, property, state) != AigerBad.PropertyFails, $"step {f}: the bad output is false, but {property?.Name ?? "deadlock freedom"} fails in {Show(model, state)}");
            var after = layout.StateOf(next);
            var instance = layout.InstanceOf(frames[f]);
            CheckStep(semantics, model, instance, state, after, f);
            if (!state.AsSpan().SequenceEqual(after))
            {
                steps.Add(new TraceStep(instance!.Action, instance.Args, [.. after], []));
            }

            latches = next;
        }

        var whole = new Trace([.. steps]);
        if (whole.Steps.Length > 0)
        {
            TraceReplayer.Replay(semantics, whole, null);
        }

        return (whole, null);
    }

    /// <summary>The file's step against the evaluator's: an outcome of the selected instance, or no change.</summary>
    private static void CheckStep(Semantics semantics, Model model, ActionInstance? instance, int[] state, int[] after, int frame)
    {
        var changed = !state.AsSpan().SequenceEqual(after);
        if (instance is null)
        {
            Assert.False(changed, $"step {frame}: no instance is selected, but the state changes");
            return;
        }

        var outcomes = new List<int[]>();
        var enabled = semantics.Fire([.. state], instance.Action, [.. instance.Args], (_, _, next) => outcomes.Add((int[])next.Clone()));
        var what = $"step {frame}: {instance} from {Show(model, state)}";
        if (changed)
        {
            Assert.True(outcomes.Any(o => o.AsSpan().SequenceEqual(after)), $"{what} leads to {Show(model, after)}, which is no outcome of the evaluator's");
        }
        else if (enabled && !StmtFacts.HasChoice(instance.Action.Body))
        {
            Assert.True(outcomes.Single().AsSpan().SequenceEqual(state), $"{what} is enabled and leads to {Show(model, outcomes.Single())}, but the file stays");
        }
    }

    /// <summary>What the evaluator sees in a state: the property failing, a model error, or neither (null).</summary>
    public static AigerBad? Explain(Semantics semantics, PropertyDef? property, int[] state)
    {
        try
        {
            bool fails;
            if (property is null)
            {
                var successors = 0;
                var errors = 0;
                semantics.Successors([.. state], (_, _, _) => successors++, new RunObserver { OnError = _ => errors++ });
                if (errors > 0)
                {
                    return AigerBad.ModelError;
                }

                fails = successors == 0;
            }
            else
            {
                fails = semantics.Holds(property, [.. state]) != (property.Kind == PropertyKind.Invariant);
            }

            if (fails)
            {
                return AigerBad.PropertyFails;
            }

            semantics.Successors([.. state], (_, _, _) => { });
            return null;
        }
        catch (ModelRuntimeError)
        {
            return AigerBad.ModelError;
        }
    }

    private static string Show(Model model, int[] state) =>
        "{" + string.Join(", ", model.Slots.Select((s, i) => $"{s.Name}={s.Type.Format(state[i])}")) + "}";
}
