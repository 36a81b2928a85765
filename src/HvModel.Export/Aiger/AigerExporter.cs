using System.Collections.Immutable;
using System.Numerics;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Export.Aiger;

/// <summary>A written AIGER file: its bytes, what its inputs and latches mean, and its size.</summary>
public sealed record AigerExport(byte[] Bytes, AigerLayout Layout, int AndGates);

/// <summary>
/// Bit-blasts one variant of a model and one property into an AIGER file, so that a hardware
/// model checker (ABC's pdr, bmc3) decides the same question HvModel's engines decide.
/// </summary>
/// <remarks>
/// The encoding, stated once (the file's comment section repeats it):
/// <list type="bullet">
/// <item>Latches hold the state: each slot as its value in the bits its type's interval needs
/// (<see cref="IntegerWidth"/>, as the bit-vector SMT encoding sizes it).</item>
/// <item>Inputs: the action instance taken in the step, as a binary index (a value past the last
/// instance takes none), then the values of <c>any</c> choices (<see cref="ChoicePool"/>).</item>
/// <item>Initial states: AIGER latches start at 0. When the init block makes no choice its one
/// outcome is the reset state, each latch holding its bit or, where the bit starts at 1, the
/// bit's negation. Otherwise a latch "initialized" starts at 0, and the first step runs the init
/// block with its choices taken from the inputs: the latches load its outcome and
/// "initialized" becomes 1, unless the inputs name no candidate, in which case it stays 0 and the
/// step is taken again.</item>
/// <item>A step whose instance is not enabled (its guard false, or an <c>any</c>'s input no
/// candidate) leaves every latch as it was: stuttering reaches no new state, so which states are
/// reachable, and so whether a bad one is, is the model's.</item>
/// <item>The one output is "bad": the invariant false, the cover reached, or no instance enabled
/// (deadlock, with every choice spelled out: <see cref="AigOutcomes"/>); or a model error
/// (overflow, an index or value out of range, a zero divisor) that evaluating the property, the
/// step the inputs choose, or the init block raises. HvModel stops on a reachable model error
/// without a verdict (an error, exit 2); here it is a bad state of every exported property, so
/// a peer's "violated" may be a model error, which replaying the counterexample tells apart.
/// </item>
/// </list>
/// </remarks>
public sealed class AigerExporter
{
    /// <summary>Most AND gates built before the export is refused (a file ABC would not finish reading).</summary>
    public const int MaxGates = 20_000_000;

    /// <summary>The file for <paramref name="variant"/> and <paramref name="property"/> (null: deadlock freedom).</summary>
    /// <exception cref="ModelError">The variant has no initial state, or the encoding is too large.</exception>
    public static AigerExport Export(Model model, Variant variant, PropertyDef? property, string commandLine)
    {
        InitialStateCheck.Require(model, [variant]);
        var g = new Aig();
        var ops = new WordArithmetic(g);
        var pool = new ChoicePool(g, ops);
        var instances = model.Actions.SelectMany(a => a.Instances()).ToImmutableArray();
        var selectorWidth = instances.Length <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(instances.Length - 1));
        var selector = Enumerable.Range(0, selectorWidth).Select(_ => g.NewInput()).ToArray();

        // The init block, from the state every init block starts in (each slot at its type's first value).
        var initExpr = new AigExprTranslator(variant, ops, model.FrameSize)
        {
            Slots = [.. model.Slots.Select(s => AigWord.Constant(s.Type.ValueAt(0)))],
        };
        pool.Reset();
        var init = new AigStatementRunner(initExpr, pool, Aig.True);
        init.Run(model.Init);
        var fixedInit = !pool.Used && init.Path == Aig.True && initExpr.Slots.All(w => w.Const is not null);

        var initialized = fixedInit ? Aig.True : g.NewLatch();
        var latchNames = new List<string>();
        if (!fixedInit)
        {
            latchNames.Add("initialized");
        }

        var slots = ImmutableArray.CreateBuilder<SlotBits>();
        var current = new AigWord[model.Slots.Length];
        var initBits = new int[model.Slots.Length][];
        for (var s = 0; s < model.Slots.Length; s++)
        {
            var type = model.Slots[s].Type;
            var width = AigWord.WidthOf(type);
            initBits[s] = WordArithmetic.At(initExpr.Slots[s], width);
            var bits = new int[width];
            var positions = new int[width];
            var flipped = new bool[width];
            for (var k = 0; k < width; k++)
            {
                var latch = g.NewLatch();
                positions[k] = g.Latches.Count - 1;
                flipped[k] = fixedInit && initBits[s][k] == Aig.True;
                bits[k] = flipped[k] ? Aig.Not(latch) : latch;
                latchNames.Add(width == 1 ? model.Slots[s].Name : $"{model.Slots[s].Name}.b{k}");
            }

            current[s] = AigWord.Of(type, bits);
            slots.Add(new SlotBits([.. positions], [.. flipped], IntegerWidth.Lo(type) < 0));
        }

        var step = new StepLogic(model, variant, g, ops, pool, current, property is null);
        step.Build(instances, selector);

        // Latch updates: the step's next state once initialized, else the init block's outcome.
        for (var s = 0; s < model.Slots.Length; s++)
        {
            var next = step.Next[s];
            for (var k = 0; k < next.Length; k++)
            {
                var position = slots[s].Latches[k];
                g.SetNext(position, fixedInit
                    ? (slots[s].Flipped[k] ? Aig.Not(next[k]) : next[k])
                    : g.Mux(initialized, next[k], initBits[s][k]));
            }
        }

        if (!fixedInit)
        {
            g.SetNext(0, g.Or(initialized, init.Path));
        }

        var failure = property is null ? Aig.Not(step.SomeEnabled) : PropertyFails(model, variant, ops, current, property);
        var initError = fixedInit ? init.Error : g.And(Aig.Not(initialized), init.Error);
        var bad = g.Or(initError, g.And(initialized, g.Or(failure, step.Error)));

        var names = new Dictionary<int, string>();
        for (var k = 0; k < selectorWidth; k++)
        {
            names[selector[k]] = $"select.b{k}";
        }

        for (var e = 0; e < pool.Entries.Count; e++)
        {
            for (var k = 0; k < pool.Entries[e].Count; k++)
            {
                names[pool.Entries[e][k]] = $"choice{e}.b{k}";
            }
        }

        var inputNames = g.Inputs.Select(lit => names[lit]).ToArray();

        var layout = new AigerLayout(instances, [.. Enumerable.Range(0, selectorWidth)], slots.ToImmutable(), fixedInit ? -1 : 0, g.Inputs.Count, g.Latches.Count);
        var comments = AigerComments.Lines(model, variant, property, commandLine, layout, pool.Entries.Count, fixedInit);
        var bytes = AigerWriter.Write(g, [bad], inputNames, latchNames, ["bad"], comments);
        return new AigerExport(bytes, layout, g.AndCount);
    }

    private static int PropertyFails(Model model, Variant variant, WordArithmetic ops, AigWord[] state, PropertyDef property)
    {
        var g = ops.Graph;
        var p = new AigExprTranslator(variant, ops, model.FrameSize) { Slots = state }.Translate(property.Predicate);
        return g.Or(property.Kind == PropertyKind.Invariant ? Aig.Not(p.Bit) : p.Bit, p.Error);
    }
}
