using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit.Compiled;

namespace HvModel.Tests.Explicit.Compiled;

/// <summary>
/// Runs the compiled successor function and the interpreter side by side on every state the
/// interpreter reaches (breadth-first, past model errors, up to a limit) and fails on the first
/// difference: the successors (action instance and next state, in order), the value of each
/// property, whether a model error occurs, and the packed state.
/// </summary>
public static class SuccessorDifferential
{
    /// <summary>What a comparison covered, so that a test can insist it covered something.</summary>
    public sealed record Coverage(int States, long Transitions, int ErrorStates, int PropertyErrors);

    public static Coverage Compare(Model model, Variant variant, int maxStates = 20_000)
    {
        var reference = new Semantics(model, variant);
        var fallback = new Semantics(model, variant);
        var referenceErrors = new List<string>();
        var fallbackErrors = new List<string>();
        var compiled = CompiledSuccessors.Compile(fallback, model.Properties);
        var codec = new StateCodec(model.Slots);
        var expectedPacked = new ulong[codec.Words];
        var actualPacked = new ulong[codec.Words];

        var seen = new HashSet<string>();
        var queue = new Queue<int[]>();
        try
        {
            reference.InitialStates(s =>
            {
                if (seen.Add(Key(s)))
                {
                    queue.Enqueue((int[])s.Clone());
                }
            });
        }
        catch (ModelRuntimeError)
        {
            // The init block is not compiled: a model whose init fails has nothing to compare.
            return new Coverage(0, 0, 0, 0);
        }

        var states = 0;
        long transitions = 0;
        var errorStates = 0;
        var propertyErrors = 0;
        while (queue.Count > 0 && states < maxStates)
        {
            var state = queue.Dequeue();
            states++;
            var where = $"{model.Name}/{variant.Name}, state [{string.Join(", ", state)}]";
            codec.Pack(state, expectedPacked);
            compiled.Pack(state, actualPacked);
            Assert.True(expectedPacked.SequenceEqual(actualPacked), $"{where}: packed differently");

            referenceErrors.Clear();
            fallbackErrors.Clear();
            var expected = new List<string>();
            var nexts = new List<int[]>();
            reference.Successors(state, (action, args, next) =>
            {
                expected.Add(Step(action, args, next));
                nexts.Add((int[])next.Clone());
            }, new RunObserver { OnError = e => referenceErrors.Add(Describe(e, reference)) });
            var actual = new List<string>();
            var fallbacksBefore = compiled.Fallbacks;
            compiled.Successors((int[])state.Clone(), (action, args, next) => actual.Add(Step(action, args, next)), e => fallbackErrors.Add(Describe(e, fallback)));

            Assert.True(expected.SequenceEqual(actual), $"{where}: successors differ\n interpreted: {string.Join(" | ", expected)}\n compiled:    {string.Join(" | ", actual)}");
            var compiledFellBack = compiled.Fallbacks > fallbacksBefore;
            Assert.True(compiledFellBack == (referenceErrors.Count > 0), $"{where}: interpreter errors [{string.Join("; ", referenceErrors)}], compiled code {(compiledFellBack ? "raised one" : "raised none")}");
            Assert.Equal(referenceErrors, fallbackErrors);
            errorStates += referenceErrors.Count > 0 ? 1 : 0;
            transitions += expected.Count;

            for (var p = 0; p < model.Properties.Length; p++)
            {
                var property = model.Properties[p];
                string want;
                try
                {
                    want = reference.Holds(property, state).ToString();
                }
                catch (ModelRuntimeError e)
                {
                    want = $"error {e.Format()}";
                    propertyErrors++;
                }

                string got;
                var before = compiled.Fallbacks;
                try
                {
                    got = compiled.Holds(p, state).ToString();
                }
                catch (ModelRuntimeError e)
                {
                    got = $"error {e.Format()}";
                }

                Assert.True(want == got, $"{where}, property {property.Name}: interpreted {want}, compiled {got}");
                Assert.True(compiled.Fallbacks > before == want.StartsWith("error", StringComparison.Ordinal), $"{where}, property {property.Name}: compiled code and interpreter disagree on a model error");
            }

            foreach (var next in nexts)
            {
                if (seen.Add(Key(next)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return new Coverage(states, transitions, errorStates, propertyErrors);
    }

    private static string Step(ActionDef action, int[] args, int[] next) => $"{action.Name}({string.Join(",", args)})->[{string.Join(",", next)}]";

    private static string Describe(ModelRuntimeError e, Semantics s) => $"{s.CurrentAction?.Name}({string.Join(",", s.CurrentArgs)}): {e.Format()}";

    private static string Key(int[] state) => string.Join(",", state);
}
