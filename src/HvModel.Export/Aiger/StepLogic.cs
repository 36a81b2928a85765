using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Export.Aiger;

/// <summary>
/// The transition of the exported system from the current state's words: every action
/// instance is run symbolically once, with its arguments as constants, and the one the
/// selector inputs name decides the next state. A slot bit that no enabled selected instance
/// writes keeps its value, so a step whose instance is not enabled changes nothing.
/// </summary>
internal sealed class StepLogic(Model model, Variant variant, Aig g, WordArithmetic ops, ChoicePool pool, AigWord[] current, bool deadlock)
{
    /// <summary>The next value of every slot's bits, at the slot's width.</summary>
    public int[][] Next { get; private set; } = [];

    /// <summary>The literal that the selected instance raises a model error (its guard, or its body on the path the choices take).</summary>
    public int Error { get; private set; } = Aig.False;

    /// <summary>For deadlock: the literal that some instance has an outcome for some choices.</summary>
    public int SomeEnabled { get; private set; } = Aig.False;

    public void Build(IReadOnlyList<ActionInstance> instances, int[] selector)
    {
        // Per slot bit, the (taken, value) pairs of the instances that may change it.
        var writes = current.Select(w => w.Bits.Select(_ => new List<(int Taken, int Value)>()).ToArray()).ToArray();
        var enabled = new List<int>();
        var outcomes = new AigOutcomes(g);
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            var action = instance.Action;
            var selected = g.AndAll(selector.Select((bit, k) => ((i >> k) & 1) != 0 ? bit : Aig.Not(bit)));
            var expr = Translator(instance);
            var guard = expr.Translate(action.Guard);
            pool.Reset();
            var run = new AigStatementRunner(expr, pool, guard.Bit);
            run.Run(action.Body);
            var taken = g.And(selected, run.Path);
            Error = g.Or(Error, g.And(selected, g.Or(guard.Error, run.Error)));
            for (var s = 0; s < current.Length; s++)
            {
                if (ReferenceEquals(expr.Slots[s], current[s]))
                {
                    continue;
                }

                var next = WordArithmetic.At(expr.Slots[s], current[s].Width);
                for (var k = 0; k < next.Length; k++)
                {
                    if (next[k] != current[s].Bits[k])
                    {
                        writes[s][k].Add((taken, next[k]));
                    }
                }
            }

            if (deadlock)
            {
                enabled.Add(StmtFacts.MayHaveNoOutcome(action.Body)
                    ? g.And(guard.Bit, outcomes.Of(action.Body, Translator(instance)))
                    : guard.Bit);
            }

            if (g.AndCount > AigerExporter.MaxGates)
            {
                throw new ModelError(action.Span, $"AIGER export: more than {AigerExporter.MaxGates} AND gates by action '{action.Name}'; the model is too large to bit-blast");
            }
        }

        Next = [.. current.Select((word, s) => word.Bits.Select((bit, k) =>
        {
            var w = writes[s][k];
            if (w.Count == 0)
            {
                return bit;
            }

            var changed = g.OrAll(w.Select(x => x.Taken));
            return g.Or(g.OrAll(w.Select(x => g.And(x.Taken, x.Value))), g.And(Aig.Not(changed), bit));
        }).ToArray())];
        SomeEnabled = g.OrAll(enabled);
    }

    /// <summary>A translator over the current state with the instance's arguments bound.</summary>
    private AigExprTranslator Translator(ActionInstance instance)
    {
        var expr = new AigExprTranslator(variant, ops, model.FrameSize) { Slots = (AigWord[])current.Clone() };
        for (var p = 0; p < instance.Args.Length; p++)
        {
            expr.Locals[instance.Action.Parameters[p].Slot] = AigWord.Constant(instance.Args[p]);
        }

        return expr;
    }
}
