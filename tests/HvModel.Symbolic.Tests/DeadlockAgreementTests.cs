using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// Issue 21, defect 4: deadlock freedom is an invariant ("in every reachable state some action
/// instance is enabled") that bmc, kind and pdr check as the explicit engine does: the same
/// verdict per variant, the same length of the path to the deadlock, the same exit code.
/// </summary>
public sealed class DeadlockAgreementTests
{
    private static readonly CheckOptions Options = new() { Depth = 30, Timeout = TimeSpan.FromSeconds(240) };

    private static IEnumerable<IEngine> Symbolic() => [new BmcEngine(), new KInductionEngine(), new PdrEngine()];

    [Theory]
    [InlineData("dlreg.hvm")]
    [InlineData("ticketlock.hvm")]
    [InlineData("deadlock_variants.hvm")]
    public void Every_engine_gives_the_explicit_deadlock_verdict_and_exit_code(string file)
    {
        // The deadlock column alone: the other properties are other tests' (kind needs k = 21
        // for the ticket lock's mutual exclusion, seconds that say nothing about deadlock).
        var model = Repo.Load("tests", "models", "violated", file);
        string[] deadlock = [Model.DeadlockProperty];
        var reference = CheckRunner.Run(model, new ExplicitEngine(), [], deadlock, Options);
        Assert.Equal(0, CheckRunner.ExitCode(reference));
        Assert.NotEmpty(reference);
        foreach (var engine in Symbolic())
        {
            var results = CheckRunner.Run(model, engine, [], deadlock, Options);
            foreach (var e in reference.Where(r => r.Property == Model.DeadlockProperty))
            {
                var s = results.Single(r => r.Variant == e.Variant && r.Property == Model.DeadlockProperty);
                Assert.True(e.Verdict == s.Verdict, $"{file} {e.Variant}: explicit {e.Verdict}, {engine.Name} {s.Verdict} ({s.Reason})");
                Assert.Equal(e.Trace?.Length, s.Trace?.Length);
            }

            Assert.Equal(CheckRunner.ExitCode(reference), CheckRunner.ExitCode(results));
        }
    }

    // Before: every symbolic engine left deadlock 'unchecked' and exited 0 on dlreg's patch.
    [Fact]
    public void The_patch_that_adds_a_deadlock_is_violated_in_every_symbolic_engine()
    {
        var model = Repo.Load("tests", "models", "violated", "dlreg.hvm");
        foreach (var engine in Symbolic())
        {
            var post = CheckRunner.Run(model, engine, ["post"], [], Options).Single(r => r.Property == Model.DeadlockProperty);
            Assert.Equal(Verdict.Violated, post.Verdict);
            Assert.Equal(1, post.Trace!.Length);
            Assert.True(engine.ChecksDeadlock);
        }
    }

    // An 'any ... where' without candidate yields no successor: at x = 3 nothing is enabled.
    private const string ChoiceWithoutCandidate = """
        var x: 0 .. 3 = 0
        var y: 0 .. 3 = 0
        action up do
          any v: 0 .. 3 where v > x do x := v end
          y := x
        end
        invariant fine: true
        """;

    // The guard reads a[x + 1], out of range at x = 1: a model error there, not a deadlock.
    private const string FailingGuardWhereNothingElseFires = """
        var x: 0 .. 1 = 0
        var a: array[0 .. 1] of bool = true
        action up when x = 0 do x := 1 end
        action look when a[x + 1] do skip end
        invariant fine: true
        """;

    [Fact]
    public void An_any_without_candidate_yields_no_successor_in_every_engine()
    {
        var model = ModelLoader.LoadText(ChoiceWithoutCandidate);
        foreach (var engine in Symbolic().Prepend(new ExplicitEngine()))
        {
            var r = engine.Check(model, model.Variants[0], model.Properties, Options).Single(r => r.Property == Model.DeadlockProperty);
            Assert.True(r.Verdict == Verdict.Violated, $"{engine.Name}: {r.Verdict} {r.Reason}");
            Assert.Equal(1, r.Trace!.Length); // the shortest way to x = 3 is one step
        }
    }

    [Fact]
    public void A_failing_action_where_nothing_else_fires_is_a_model_error_in_every_engine() =>
        AssertModelErrorAfterOneStep(FailingGuardWhereNothingElseFires, "look");

    // bmc looks for a deadlock without the actions' errors (that form is 3.4 MB smaller per
    // state at 4x4); here, at x = 1, the only instance fails in its 'where' (1 / 0): a model
    // error, which that form alone would have taken for a state without successor (whatever
    // value the solver gives 1 / 0, no candidate passes).
    private const string FailingChoiceWhereNothingElseFires = """
        var x: 0 .. 1 = 0
        action up when x = 0 do x := 1 end
        action pick do any v: 0 .. 1 where v > 1 / (x - 1) + 5 do skip end end
        invariant fine: true
        """;

    [Fact]
    public void A_failing_choice_where_nothing_else_fires_is_a_model_error_in_every_engine() =>
        AssertModelErrorAfterOneStep(FailingChoiceWhereNothingElseFires, "pick");

    /// <summary>Every engine, the explicit one first, stops with a model error of <paramref name="action"/> one step from the start.</summary>
    private static void AssertModelErrorAfterOneStep(string text, string action)
    {
        var model = ModelLoader.LoadText(text);
        foreach (var engine in Symbolic().Prepend(new ExplicitEngine()))
        {
            var failure = Assert.Throws<ModelRuntimeFailure>(() => engine.Check(model, model.Variants[0], model.Properties, Options));
            Assert.Equal(1, failure.Trace.Length);
            Assert.Equal(action, failure.Action?.Name);
        }
    }

    // Found by the differential test (generated model 149): a deadlock and a model error in two
    // initial states. The explicit engine stopped expanding at the error and missed the deadlock
    // in the state after it, which by the README's rule (a violation at a depth no greater than
    // the error's is reported) is the verdict; the solvers found it.
    private const string DeadlockBesideAnErrorAtTheSameDepth = """
        var x: 0 .. 1 in {0, 1}
        var a: array[0 .. 0] of bool = false
        action step when x = 0 do a[x + 1] := true end
        invariant never: false
        """;

    [Fact]
    public void A_deadlock_beside_a_model_error_at_the_same_depth_is_found_by_every_engine()
    {
        var model = ModelLoader.LoadText(DeadlockBesideAnErrorAtTheSameDepth);
        foreach (var engine in Symbolic().Prepend(new ExplicitEngine()))
        {
            var results = engine.Check(model, model.Variants[0], model.Properties, Options);
            var deadlock = results.Single(r => r.Property == Model.DeadlockProperty);
            Assert.True(deadlock.Verdict == Verdict.Violated, $"{engine.Name}: {deadlock.Verdict} {deadlock.Reason}");
            Assert.Equal(0, deadlock.Trace!.Length);
        }
    }

    [Fact]
    public void No_deadlock_leaves_the_cell_not_checked_in_every_engine()
    {
        var model = Repo.Load("tests", "models", "violated", "dlreg.hvm");
        foreach (var engine in Symbolic())
        {
            var results = CheckRunner.Run(model, engine, ["post"], [], Options with { NoDeadlock = true });
            var cell = results.Single(r => r.Property == Model.DeadlockProperty);
            Assert.Equal((Verdict.NotChecked, DeadlockPolicy.NoDeadlockReason), (cell.Verdict, cell.Reason));
            Assert.Equal(0, CheckRunner.ExitCode(results));
        }
    }
}
