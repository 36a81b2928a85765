using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Traces;
using HvModel.Explicit;

namespace HvModel.Tests.Explicit;

public class ExplicitEngineTests
{
    [Fact]
    public void Counter_has_four_states_on_one_cycle()
    {
        var engine = new ExplicitEngine();
        var model = Check.LoadFile("tests/models/holds/counter.hvm");

        var results = CheckRunner.Run(model, engine, [], [], new CheckOptions());

        Assert.All(results, r => Assert.Equal(Verdict.Holds, r.Verdict));
        Assert.Equal(4, engine.LastStats!.States);
        Assert.Equal(4, engine.LastStats.Transitions);
        Assert.Equal(3, engine.LastStats.Depth);
        Assert.Equal(3, Check.Result(results, "default", "top").Trace!.Length);
    }

    [Fact]
    public void Die_hard_reaches_four_gallons_in_six_steps_among_sixteen_states()
    {
        var engine = new ExplicitEngine();
        var model = Check.LoadFile("tests/models/violated/die_hard.hvm");

        var results = CheckRunner.Run(model, engine, [], [], new CheckOptions { CheckDeadlock = false });
        var never = Check.Result(results, "default", "never_four");

        Assert.Equal(Verdict.Violated, never.Verdict);
        Assert.Equal(6, never.Trace!.Length);
        Assert.Equal(4, never.Trace.Last[1]);

        // Exhaustive run (no early stop): the classic count.
        var all = CheckRunner.Run(Check.Load("var small: 0 .. 3 = 0\nvar big: 0 .. 5 = 0\n" + DieHardActions), engine, [], [], new CheckOptions());
        Assert.Equal(16, engine.LastStats!.States);
        Assert.All(all, r => Assert.Equal(Verdict.Holds, r.Verdict));
    }

    private const string DieHardActions = """
        action fill_small do small := 3 end
        action fill_big do big := 5 end
        action empty_small do small := 0 end
        action empty_big do big := 0 end
        action small_to_big do
          let moved = if small + big <= 5 then small else 5 - big end in big := big + moved; small := small - moved end
        end
        action big_to_small do
          let moved = if small + big <= 3 then big else 3 - small end in small := small + moved; big := big - moved end
        end
        """;

    [Fact]
    public void Peterson_holds_and_the_unguarded_mutex_is_violated_in_four_steps()
    {
        var good = Check.Explicit(Check.LoadFile("tests/models/holds/mutex.hvm"));
        var bad = Check.Explicit(Check.LoadFile("tests/models/violated/mutex_bug.hvm"));

        Assert.All(good, r => Assert.Equal(Verdict.Holds, r.Verdict));
        var violation = Check.Result(bad, "default", "mutual_exclusion");
        Assert.Equal(Verdict.Violated, violation.Verdict);
        Assert.Equal(4, violation.Trace!.Length);
    }

    [Fact]
    public void Symmetry_reduction_keeps_verdicts_and_stores_fewer_states()
    {
        var model = Check.LoadFile("tests/models/holds/tokens.hvm");
        var reduced = new ExplicitEngine();
        var full = new ExplicitEngine();

        var withSymmetry = CheckRunner.Run(model, reduced, [], [], new CheckOptions());
        var without = CheckRunner.Run(model, full, [], [], new CheckOptions { Symmetry = false });

        Assert.Equal(without.Select(r => (r.Property, r.Verdict)), withSymmetry.Select(r => (r.Property, r.Verdict)));
        Assert.True(reduced.LastStats!.States < full.LastStats!.States, $"{reduced.LastStats.States} vs {full.LastStats.States}");
    }

    [Fact]
    public void A_state_limit_gives_unknown_with_the_reason_never_holds()
    {
        var model = Check.LoadFile("tests/models/holds/mutex.hvm");

        var results = Check.Explicit(model, new CheckOptions { MaxStates = 3 });

        var r = Check.Result(results, "default", "mutual_exclusion");
        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Equal("state limit reached (3 states)", r.Reason);
    }

    [Fact]
    public void A_run_time_range_error_comes_with_the_trace_that_reaches_it()
    {
        var model = Check.Load("var x: 0 .. 2 = 0\naction up do x := x + 1 end");

        var failure = Assert.Throws<ModelRuntimeFailure>(() => Check.Explicit(model));

        Assert.Equal("test.hvm:2:14: error: value 3 assigned to 'x' is out of its range 0..2", failure.Error.Format());
        Assert.Equal(2, failure.Trace.Length);
        Assert.Equal("up", failure.Action!.Name);
    }

    [Fact]
    public void Deadlocks_are_reported_unless_allowed()
    {
        const string text = "var x: 0 .. 2 = 0\naction up when x < 2 do x := x + 1 end\ninvariant ok: true";

        var found = Check.Result(Check.Explicit(Check.Load(text)), "default", ExplicitEngine.DeadlockProperty);
        var allowed = Check.Explicit(Check.Load(text + "\nallow deadlock"));

        Assert.Equal(Verdict.Violated, found.Verdict);
        Assert.Equal(2, found.Trace!.Length);
        Assert.DoesNotContain(allowed, r => r.Property == ExplicitEngine.DeadlockProperty);
    }

    [Fact]
    public void Breadth_first_order_gives_each_child_its_parents_depth_plus_one()
    {
        var observer = new DepthRecorder();
        var engine = new ExplicitEngine { Observer = observer };

        CheckRunner.Run(Check.LoadFile("model/hv-pci-msi.hvm"), engine, ["pre"], [], new CheckOptions());

        Assert.True(observer.Depths.Count > 100);
        for (var i = 0; i < observer.Depths.Count; i++)
        {
            var (pred, depth) = observer.Depths[i];
            Assert.Equal(pred < 0 ? 0 : observer.Depths[pred].Depth + 1, depth);
            Assert.True(i == 0 || depth >= observer.Depths[i - 1].Depth, "BFS discovers states in order of depth");
        }
    }

    [Fact]
    public void Every_counterexample_replays_and_is_as_short_as_its_bfs_depth()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp");
        var observer = new DepthRecorder();
        var engine = new ExplicitEngine { Observer = observer };

        var results = CheckRunner.Run(model, engine, ["pre"], [], new CheckOptions());

        foreach (var r in results.Where(r => r.Trace is not null))
        {
            var semantics = new Semantics(model, model.GetVariant(r.Variant));
            var replayed = TraceReplayer.Replay(semantics, r.Trace!, model.GetProperty(r.Property));
            Assert.Equal(r.Trace!.Length, replayed.Length);

            // No shorter path reaches a state with the same verdict: the least depth of a violating state.
            var least = observer.States.Where(s => semantics.Holds(model.GetProperty(r.Property), s.State) == (r.Kind == PropertyKind.Cover)).Min(s => s.Depth);
            Assert.Equal(least, r.Trace.Length);
        }
    }

    [Fact]
    public void A_trace_that_does_not_replay_is_rejected()
    {
        var model = Check.LoadFile("tests/models/violated/mutex_bug.hvm");
        var r = Check.Result(Check.Explicit(model), "default", "mutual_exclusion");
        var semantics = new Semantics(model, model.Variants[0]);
        var broken = new Trace(r.Trace!.Steps.RemoveAt(2));

        Assert.Throws<TraceReplayException>(() => TraceReplayer.Replay(semantics, broken, model.Properties[0]));
    }

    private sealed class DepthRecorder : IExplorationObserver
    {
        public List<(int Pred, int Depth)> Depths { get; } = [];

        public List<(int[] State, int Depth)> States { get; } = [];

        public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state)
        {
            Assert.Equal(Depths.Count, index);
            Depths.Add((predecessor, depth));
            States.Add((state.ToArray(), depth));
        }

        public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args)
        {
        }
    }
}
