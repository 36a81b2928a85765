using HvModel.Core.Ir;
using HvModel.Export.Promela;
using HvModel.TestSupport.Peers;

namespace HvModel.Tests.Export;

/// <summary>
/// The Promela export of liveness, checked by SPIN: the test models' known verdicts, and small
/// models that each pin one point of the encoding (what "enabled" means, a choice that restores
/// the state, SPIN's pre-init state), each agreeing with HvModel's checker.
/// </summary>
public sealed class PromelaLivenessTests
{
    private static Dictionary<string, Verdict> Spin(Model model, string? variant = null) =>
        SpinLivenessOracle.Check(model, variant is null ? model.Variants[0] : model.GetVariant(variant));

    private static List<LivenessCase> Compared(Model model, bool spinUnfair = true)
    {
        var (cases, skipped) = LivenessComparison.Compare(model, model.Name, spinUnfair);
        Assert.Null(skipped);
        Assert.All(cases!, c => Assert.True(c.Agrees, c.ToString()));
        return cases!;
    }

    [Fact]
    public void Without_liveness_the_export_is_the_bare_transition_system()
    {
        var model = Check.LoadFile("tests/models/liveness/tas_strong.hvm");
        var text = PromelaExporter.Export(model, model.Variants[0], "test");

        Assert.DoesNotContain("live_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("never", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_models_give_their_known_verdicts_in_SPIN_too()
    {
        Assert.Equal(Verdict.Holds, Spin(Check.LoadFile("tests/models/liveness/peterson.hvm"))["starvation_free"]);
        Assert.Equal(Verdict.Violated, Spin(Check.LoadFile("tests/models/liveness/peterson.hvm"))["enters_again"]);
        Assert.Equal(Verdict.Violated, Spin(Check.LoadFile("tests/models/liveness/tas_weak.hvm"))["no_starvation"]);
        Assert.Equal(Verdict.Holds, Spin(Check.LoadFile("tests/models/liveness/tas_strong.hvm"))["no_starvation"]);
        var blkq = Check.LoadFile("tests/models/liveness/blkq.hvm");
        Assert.Equal(Verdict.Violated, Spin(blkq, "pre")["drained"]);
        Assert.Equal(Verdict.Holds, Spin(blkq, "fix")["drained"]);
    }

    [Theory]
    [InlineData("peterson.hvm")]
    [InlineData("tas_weak.hvm")]
    [InlineData("tas_strong.hvm")]
    [InlineData("blkq.hvm")]
    public void The_test_models_agree_with_and_without_fairness(string file)
    {
        var cases = Compared(Check.LoadFile($"tests/models/liveness/{file}"));

        Assert.NotEmpty(cases);
    }

    [Fact]
    public void An_instance_whose_guard_holds_but_whose_choice_finds_no_value_is_not_enabled()
    {
        // At x = 2, go's guard holds and no v > x exists: no successor, so stopping there is
        // fair and 'eventually y' is violated. Read as "its guard holds", go would be enabled
        // forever there, the stop unfair, and the property would hold.
        var model = Check.Load("""
            var x: 0 .. 2 = 0
            var y: bool = false
            action step when x < 2 do x := x + 1 end
            action go do any v: 0 .. 2 where v > x do y := true end end
            liveness reached "y is set at some point": eventually y
            fair weak: go
            """);

        var c = Assert.Single(Compared(model));
        Assert.Equal(Verdict.Violated, c.Spin);
        Assert.True(c.GuardWithoutSuccessor);
    }

    [Fact]
    public void A_choice_that_restores_the_state_is_not_a_step_taken()
    {
        // The condition reads x after the step wrote it, so it cannot join the guard: the
        // combination v = 0 jumps to the abort path and restores the state, a SPIN self-loop
        // that HvModel does not have. Counted as taking go, it would make staying at x = 0
        // forever look fair; go has a successor there (v = 1, 2), so weak fairness forces it.
        var model = Check.Load("""
            var x: 0 .. 2 = 0
            var y: bool = false
            action go do
              x := x
              any v: 0 .. 2 where v > x do y := true end
            end
            liveness reached "y is set at some point": eventually y
            fair weak: go
            """);
        Assert.Contains("goto abort_", PromelaExporter.Export(model, model.Variants[0], "test", liveness: model.Liveness), StringComparison.Ordinal);

        var c = Assert.Single(Compared(model));
        Assert.Equal(Verdict.Holds, c.Spin);
        Assert.Equal(Verdict.Violated, c.SpinUnfair);
    }

    [Fact]
    public void An_action_with_too_many_combinations_for_d_steps_is_one_atomic_step_the_claims_see_whole()
    {
        // 3 * 2^9 combinations: one atomic step whose choices are nondeterministic ifs, storing
        // states halfway. A claim moves only after the whole sequence, so it never sees x
        // between its old and new value. 'wide' is always enabled and x climbs to 2 and wraps
        // to 0 or 1, so weak fairness makes x reach 2; the cycle 0, 2, 0 avoids 1, and it is
        // fair only if the atomic step records that it took 'wide'.
        var model = Check.Load("""
            var x: 0 .. 2 = 0
            var y: bool = false
            action wide do
              any a: 0 .. 2 where a > x or x = 2 and a < 2 do
                any b: bool do any c: bool do any d: bool do any e: bool do any f: bool do
                any g: bool do any h: bool do any i: bool do any j: bool do
                  y := b and c and d and e and f and g and h and i and j
                  x := a
                end end end end end
                end end end end
              end
            end
            liveness tops "x reaches 2": eventually x = 2
            liveness ones "x is 1 again and again": always eventually x = 1
            fair weak: wide
            """);
        Assert.Contains(":: atomic", PromelaExporter.Export(model, model.Variants[0], "test", liveness: model.Liveness), StringComparison.Ordinal);

        // Its export spells out every combination (gcc takes seconds): SPIN checks it with fairness only.
        var cases = Compared(model, spinUnfair: false);
        Assert.Equal(Verdict.Holds, cases.Single(c => c.Property == "tops").Spin);
        Assert.Equal(Verdict.Violated, cases.Single(c => c.Property == "tops").HvModelUnfair);
        Assert.Equal(Verdict.Violated, cases.Single(c => c.Property == "ones").Spin);
    }

    [Fact]
    public void SPINs_pre_init_state_is_no_state_of_the_model()
    {
        // SPIN starts in a state with every variable at 0 before the init step: x = 0 there,
        // and never after. 'eventually x = 0' is violated (the behaviour may stop at once).
        var model = Check.Load("""
            var x: 0 .. 1 = 1
            action a when x = 1 do x := 1 end
            liveness zero "x is 0 at some point": eventually x = 0
            """);

        Assert.Equal(Verdict.Violated, Assert.Single(Compared(model)).Spin);
    }

    [Fact]
    public void Strong_fairness_that_stays_disabled_is_met_without_being_taken()
    {
        // b is enabled only until a runs; after that the behaviour may stop: strong fairness of
        // b asks nothing once it is disabled for good, and weak fairness of a forces a.
        var model = Check.Load("""
            var done: bool = false
            var hit: bool = false
            action a when !done do done := true end
            action b when !done do hit := true end
            liveness ends "done at some point": eventually done
            liveness never_hit "hit holds in the end": eventually always hit
            fair weak: a
            fair strong: b
            """);

        var cases = Compared(model);
        Assert.Equal(Verdict.Holds, cases.Single(c => c.Property == "ends").Spin);
        Assert.Equal(Verdict.Violated, cases.Single(c => c.Property == "never_hit").Spin);
    }
}
