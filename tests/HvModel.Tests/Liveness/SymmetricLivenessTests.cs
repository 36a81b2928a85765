using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit.Liveness;

namespace HvModel.Tests.Liveness;

/// <summary>
/// Liveness on the symmetry quotient: models made so that reading the stored states' instance
/// names as they are gives the wrong verdict, one each way, checked to give the verdict of the
/// whole graph; and lassos found on the quotient, lifted back to concrete states, replay and are fair.
/// </summary>
public class SymmetricLivenessTests
{
    private static (LivenessResult With, LivenessResult Without, Verdict Naive) Both(string file)
    {
        var model = HvModel.Tests.Check.LoadFile($"tests/models/liveness/{file}");
        var with = LivenessChecker.Check(model, model.Variants[0], new CheckOptions()).Single();
        var without = LivenessChecker.Check(model, model.Variants[0], new CheckOptions { Symmetry = false }).Single();
        return (with, without, NaiveQuotient.Verdicts(model, model.Variants[0])!.Single());
    }

    [Fact]
    public void A_fair_cycle_that_swaps_the_processes_is_found_where_the_stored_names_hide_it()
    {
        var (with, without, naive) = Both("pass_the_flag.hvm");

        Assert.True(with.Symmetry);
        Assert.False(without.Symmetry);
        Assert.Equal(Verdict.Violated, without.Verdict);
        Assert.Equal(Verdict.Violated, with.Verdict);

        // Named as the one stored state names them, the other process's step is never taken.
        Assert.Equal(Verdict.Holds, naive);
        // One stored state for "p0 holds" and "p1 holds", one for after stepping out.
        Assert.Equal((2, 4), (with.States, without.States));

        // The lasso, lifted from the quotient, is concrete: the flag goes from one process to the
        // other and back, each process taking its step (replayed and checked fair on the way).
        var cycle = with.Lasso!.Steps.Skip(with.CycleStart!.Value + 1).ToList();
        Assert.Equal([0, 1], cycle.Select(s => s.Args[0]).Order());
    }

    [Fact]
    public void A_cycle_that_the_stored_names_make_look_fair_is_not_taken_for_a_violation()
    {
        var (with, without, naive) = Both("hand_back.hvm");

        Assert.True(with.Symmetry);
        Assert.Equal(Verdict.Holds, without.Verdict);
        Assert.Equal(Verdict.Holds, with.Verdict);
        Assert.Equal(Verdict.Violated, naive);
    }

    [Fact]
    public void A_request_stranded_in_pre_is_found_on_the_quotient_too_and_its_lasso_replays()
    {
        var model = HvModel.Tests.Check.LoadFile("tests/models/liveness/blkq.hvm");
        foreach (var variant in model.Variants)
        {
            var with = LivenessChecker.Check(model, variant, new CheckOptions()).Single();
            var without = LivenessChecker.Check(model, variant, new CheckOptions { Symmetry = false }).Single();

            Assert.True(with.Symmetry);
            Assert.Equal(without.Verdict, with.Verdict);
            Assert.True(with.States < without.States, $"{variant.Name}: {with.States} states with symmetry, {without.States} without");
        }
    }
}
