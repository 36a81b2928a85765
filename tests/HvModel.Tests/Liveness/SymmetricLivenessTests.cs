using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit.Liveness;
using Xunit.Abstractions;

namespace HvModel.Tests.Liveness;

/// <summary>
/// Liveness on the symmetry quotient: models made so that reading the stored states' instance
/// names as they are gives the wrong verdict, one each way, checked to give the verdict of the
/// whole graph; and lassos found on the quotient, lifted back to concrete states, replay and are fair.
/// </summary>
public class SymmetricLivenessTests(ITestOutputHelper output)
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

    /// <summary>
    /// Pointers among three members: where they form a 3-cycle the members tie and no swap fixes
    /// the state, so a bound of one tie permutation forces the heuristic normal form there.
    /// </summary>
    private const string Rotate = """
        type P = scalarset(3)
        var r: array[P] of P
        var t: array[P] of bool = false
        init for x: P do r[x] := x end end
        action point(p: P, q: P) when r[p] = p and p != q do r[p] := q end
        action tick(p: P) when r[p] != p do t[p] := !t[p] end
        action reset(p: P) when t[p] and r[r[p]] = p do r[p] := p end
        liveness flips "some member is set again and again": always eventually (exists x: P . t[x])
        liveness settles "in the end nothing is set": eventually always (forall x: P . !t[x])
        liveness pairs "a pair pointing at each other comes": (forall x: P . r[x] = x) leadsto (exists x: P . exists y: P . x != y and r[x] = y and r[y] = x)
        fair weak: point, tick
        fair strong: reset
        """;

    [Fact]
    public void The_heuristic_normal_form_which_may_store_an_orbit_twice_gives_the_verdicts_of_the_whole_graph()
    {
        var model = HvModel.Tests.Check.Load(Rotate);
        var variant = model.Variants[0];

        var canonical = LivenessChecker.Check(model, variant, new CheckOptions());
        var heuristic = LivenessChecker.Check(model, variant, new CheckOptions(), tieLimit: 1);
        var without = LivenessChecker.Check(model, variant, new CheckOptions { Symmetry = false });

        output.WriteLine($"states: {without[0].States} without symmetry, {canonical[0].States} canonical, {heuristic[0].States} heuristic; {string.Join(", ", heuristic.Select(r => $"{r.Property.Name} {r.Verdict}{(r.Lasso is null ? "" : r.CycleStart is null ? " (stops)" : " (cycle)")}"))}");
        Assert.Equal(without.Select(r => r.Verdict), canonical.Select(r => r.Verdict));
        Assert.Equal(without.Select(r => r.Verdict), heuristic.Select(r => r.Verdict));
        Assert.Contains(Verdict.Holds, without.Select(r => r.Verdict));
        Assert.Contains(Verdict.Violated, without.Select(r => r.Verdict));
        Assert.InRange(heuristic[0].States, canonical[0].States + 1, without[0].States - 1);
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
