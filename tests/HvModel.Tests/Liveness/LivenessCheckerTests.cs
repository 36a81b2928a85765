using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit.Liveness;

namespace HvModel.Tests.Liveness;

/// <summary>Liveness properties of small models with known answers, and their lassos replayed and fair.</summary>
public class LivenessCheckerTests
{
    private static LivenessResult Check(string file, string property, string? withoutFairness = null)
    {
        var model = HvModel.Tests.Check.LoadFile($"tests/models/liveness/{file}");
        if (withoutFairness is not null)
        {
            model = model with { Fairness = model.Fairness.RemoveRange(model.Actions.Where(a => a.Name == withoutFairness)) };
        }

        return LivenessChecker.Check(model, model.Variants[0], new CheckOptions()).Single(r => r.Property.Name == property);
    }

    [Fact]
    public void A_question_mark_in_an_expect_table_accepts_any_liveness_verdict()
    {
        // The flagship's managed-IRQ table is all '?': a definite verdict there is no difference.
        var model = HvModel.Tests.Check.LoadFile("properties/hv-pci-msi.hvp", new() { ["MANAGED"] = "true" });
        var pre = model.Variants.Single(v => v.Name == "pre");
        var results = LivenessChecker.Check(model, pre, [.. model.Liveness.Where(l => l.Name == "resume_ends")], new CheckOptions());

        var r = Assert.Single(results);
        Assert.Equal(Verdict.Unknown, r.Expected);
        Assert.Equal(Verdict.Holds, r.Verdict);
        Assert.False(r.Differs);
    }

    [Fact]
    public void Peterson_is_starvation_free_under_weak_fairness()
    {
        Assert.Equal(Verdict.Holds, Check("peterson.hvm", "starvation_free").Verdict);
    }

    [Fact]
    public void Without_fairness_on_enter_a_waiting_process_may_wait_forever()
    {
        var r = Check("peterson.hvm", "starvation_free", withoutFairness: "enter");

        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.NotNull(r.Lasso);

        // The behaviour stops with process 0 waiting: enter is no longer forced.
        Assert.Null(r.CycleStart);
        Assert.Equal(3, r.Lasso.Steps[^1].State[0]); // pc[0] = waiting (idle, raise, yield_turn, waiting, critical)
    }

    [Fact]
    public void A_process_that_never_wants_the_section_never_enters_it()
    {
        // 'want' is not fair: process 0 may stay idle for ever, which the lasso shows as stopping.
        var r = Check("peterson.hvm", "enters_again");

        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.Null(r.CycleStart);
    }

    [Fact]
    public void A_test_and_set_lock_starves_a_waiter_under_weak_fairness_with_a_fair_cycle()
    {
        var r = Check("tas_weak.hvm", "no_starvation");

        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.NotNull(r.CycleStart);
        var cycle = r.Lasso!.Steps.Skip(r.CycleStart!.Value + 1).ToList();

        // Process 1 takes the lock again and again while process 0 is trying; the cycle closes.
        Assert.Contains(cycle, s => s.Action!.Name == "acquire" && s.Args[0] == 1);
        Assert.Equal(r.Lasso.Steps[r.CycleStart.Value].State.ToArray(), r.Lasso.Steps[^1].State.ToArray());
        Assert.All(r.Lasso.Steps.Skip(r.CycleStart.Value), s => Assert.NotEqual(2, s.State[0]));
    }

    [Fact]
    public void Strong_fairness_of_acquire_is_enough_where_weak_is_not()
    {
        Assert.Equal(Verdict.Holds, Check("tas_strong.hvm", "no_starvation").Verdict);
    }

    [Fact]
    public void A_request_submitted_while_quiesced_waits_forever_in_pre_and_is_dispatched_in_fix()
    {
        var model = HvModel.Tests.Check.LoadFile("tests/models/liveness/blkq.hvm");
        var pre = LivenessChecker.Check(model, model.GetVariant("pre"), new CheckOptions()).Single();
        var fix = LivenessChecker.Check(model, model.GetVariant("fix"), new CheckOptions()).Single();

        Assert.Equal(Verdict.Violated, pre.Verdict);
        Assert.Equal(Verdict.Holds, fix.Verdict);

        // pre's lasso resumes with a request pending, and then nothing fair is left to take it.
        Assert.Contains(pre.Lasso!.Steps, s => s.Action?.Name == "resume");
        Assert.Null(pre.CycleStart);
        Assert.NotEqual(0, pre.Lasso.Steps[^1].State[model.Slots.Single(s => s.Name == "pending").Index]);
    }

    [Fact]
    public void A_graph_cut_short_by_a_limit_gives_unknown_with_the_reason_never_holds()
    {
        var model = HvModel.Tests.Check.LoadFile("tests/models/liveness/blkq.hvm");

        var fix = LivenessChecker.Check(model, model.GetVariant("fix"), new CheckOptions { MaxStates = 10 }).Single();

        Assert.Equal(Verdict.Unknown, fix.Verdict);
        Assert.Contains("the state graph is incomplete", fix.Reason, StringComparison.Ordinal);
        Assert.Null(fix.Lasso);
    }
}
