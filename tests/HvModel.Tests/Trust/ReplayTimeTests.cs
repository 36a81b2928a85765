using HvModel.Core.Binding;
using HvModel.Core.Evaluation;
using HvModel.Core.Traces;

namespace HvModel.Tests.Trust;

/// <summary>
/// The replay of a trace looks for its first state among the init block's outcomes, which may
/// be hundreds of millions: it does so within the run's time. Out of time, every step is still
/// replayed, and the trace says what was not confirmed; a first state that is not initial is
/// still refused when the outcomes run out first.
/// </summary>
public sealed class ReplayTimeTests
{
    // 2^10 initial states; the violation needs the last one of them in the interpreter's order.
    private const string Late = """
        const N = 10
        type Bit = 0 .. N - 1
        var x: array[Bit] of bool
        var done: bool = false
        init
          for i: Bit do
            any b: bool do x[i] := b end
          end
        end
        action finish when (forall i: Bit . x[i]) and not done do done := true end
        invariant not_done: not done
        """;

    [Fact]
    public void Out_of_time_the_first_state_is_left_unconfirmed_and_said_so()
    {
        var model = ModelLoader.LoadText(Late);
        var semantics = new Semantics(model, model.Variants[0]);
        var property = model.GetProperty("not_done");
        var trace = Trace(semantics);

        var confirmed = TraceReplayer.Replay(semantics, trace, property, outOfTime: () => false);
        Assert.Null(confirmed.Unconfirmed);

        var late = TraceReplayer.Replay(semantics, trace, property, outOfTime: () => true);
        Assert.Contains("first state was not yet found", late.Unconfirmed, StringComparison.Ordinal);
        Assert.Equal(confirmed.Steps.Select(s => s.State.ToArray()), late.Steps.Select(s => s.State.ToArray()));

        // The reports say it beside the counterexample.
        var result = new HvModel.Core.Checking.CheckResult("default", "not_done", property.Kind, "explicit", HvModel.Core.Ir.Verdict.Violated, 1, 1, 1, 0, null, late);
        var text = new System.Text.StringBuilder();
        HvModel.Reports.TextReport.Counterexample(text, model, result);
        Assert.Contains("(replayed step by step, but its first state was not yet found", text.ToString(), StringComparison.Ordinal);
        using (var stream = new MemoryStream())
        {
            using (var w = new System.Text.Json.Utf8JsonWriter(stream))
            {
                HvModel.Reports.JsonReport.WriteResult(w, model, result);
            }

            var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            Assert.Contains("\"trace_unconfirmed\":\"its first state", json, StringComparison.Ordinal);
            HvModel.Tests.Schema.ReportSchema.AssertValid(json, "a result with an unconfirmed trace", "result");
        }

        // A first state that no outcome gives is refused, time or not, once the outcomes are all seen.
        // (done set: no outcome of the init block has it.)
        var forged = new Trace([TraceStep.Initial([.. trace.Steps[0].State.SetItem(10, 1)])]);
        Assert.Throws<TraceReplayException>(() => TraceReplayer.Replay(semantics, forged, null, outOfTime: () => false));
    }

    // All bits set, then finish.
    private static Trace Trace(Semantics semantics)
    {
        int[]? last = null;
        semantics.InitialStates(s => last = (int[])s.Clone());
        Assert.All(last![..10], v => Assert.Equal(1, v));
        int[]? next = null;
        Core.Ir.ActionDef? action = null;
        semantics.Successors(last, (a, _, s) =>
        {
            action = a;
            next = (int[])s.Clone();
        });
        return new Trace([TraceStep.Initial(last), new TraceStep(action, [], [.. next!], [])]);
    }
}
