using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Engines;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// The certificate of a k-induction proof: the base and step cases for the claimed k, written
/// afresh from the model and re-checked by a fresh z3 process (cvc5 is left out of kind's runs
/// for its time on unrolled paths, and says so, but the checker takes it). A claim with a k too
/// small is caught by the step case, by z3, and by cvc5 when z3 lies.
/// </summary>
public sealed class KindCertificateTests
{
    private static Certificate Check(string property, int k, string? z3 = null)
    {
        var model = ModelLoader.LoadText(TestModels.Counter);
        var encoder = new ModelEncoder(model, model.Variants[0]);
        var goal = Goal.Of(model.GetProperty(property));
        // A lying z3 answers at once: cvc5 gets more than the 2 s floor, which a loaded machine can exceed.
        var checker = new CertificateChecker(_ => new Z3Process(z3), Z3Process.ShortName()) { Second = SecondSolvers.Default, SecondMinimum = TimeSpan.FromSeconds(60) };
        return checker.Check($"{k}-induction", KInductionObligations.For(encoder, [goal], k, []));
    }

    [Fact]
    public void A_kind_proof_says_which_certificate_checks_ran_and_by_which_solvers()
    {
        var model = ModelLoader.LoadText(TestModels.Mutex);
        var r = new KInductionEngine().Check(model, model.GetVariant("fixed"), [model.GetProperty("exclusive")], new CheckOptions())[0];
        Assert.Equal(Verdict.Holds, r.Verdict);
        Assert.Matches(@"^\d+-induction( of \d+ goals?( and \d+ generated invariants?)? at once)? re-checked: base k=\d+, step k=\d+ \(z3 4\.8\.12\)", r.Certificate);

        // cvc5 re-checks invariants (pdr's, prove's); on the unrolled cases the report says it was left out.
        if (SecondSolvers.Default is { } cvc5)
        {
            Assert.Contains($"; {cvc5.Name} not run on unrolled paths", r.Certificate);
        }
    }

    // a and b swap: each is 0 by the other. Alone each needs k = 2 (the step from a state
    // where the other is anything); together they are 1-inductive. (Generated invariants,
    // "a is 0" among them, are left out: this is about the goals' own set.)
    private const string Swap = """
        var a: 0 .. 3 = 0
        var b: 0 .. 3 = 0
        action swap do a := b; b := a end
        invariant a_zero: a = 0
        invariant b_zero: b = 0
        """;

    [Fact]
    public void Goals_that_support_one_another_are_proved_together_at_a_smaller_k()
    {
        var model = ModelLoader.LoadText(Swap);
        var options = new CheckOptions { CheckDeadlock = false };
        var together = new KInductionEngine().Check(model, model.Variants[0], model.Properties, options with { GenerateInvariants = false });
        Assert.All(together, r => Assert.Equal((Verdict.Holds, 1), (r.Verdict, r.Depth)));
        Assert.All(together, r => Assert.StartsWith("1-induction of 2 goals at once re-checked: base k=1, step k=1", r.Certificate));

        var alone = new KInductionEngine().Check(model, model.Variants[0], [model.GetProperty("a_zero")], options with { GenerateInvariants = false }).Single();
        Assert.Equal((Verdict.Holds, 2), (alone.Verdict, alone.Depth));
    }

    [Fact]
    public void A_right_claim_passes_base_and_step()
    {
        // n never passes 5: inductive at k = 1.
        var c = Check("below_six", 1);
        Assert.True(c.Holds, c.Describe());
        Assert.Equal(["base k=1", "step k=1"], c.Passed);
    }

    [Fact]
    public void A_claim_with_a_k_too_small_is_caught_by_z3()
    {
        // n < 3 holds for 2 steps from the initial state (base passes) but a state with n = 2
        // steps to n = 3 (step fails).
        var c = Check("below_three", 2);
        Assert.False(c.Holds);
        Assert.Equal(["base k=2"], c.Passed);
        Assert.Equal("step k=2 fails (the solver finds a counterexample to it)", c.Failure);
    }

    [Fact]
    public void A_claim_with_a_k_too_small_is_caught_by_cvc5_when_z3_lies()
    {
        Assert.NotNull(SecondSolvers.Default);
        using var fakes = new FakeSolvers();
        var liar = fakes.Write("unsat-liar", """
            case "$1" in --version) echo 'Z3 version 4.8.12 - 64 bit (fake)'; exit 0 ;; esac
            while IFS= read -r line; do
              case "$line" in
                *"(check-sat)"*) echo unsat ;;
                *"(echo "*) echo hvmodel-sync ;;
                *"(exit)"*) exit 0 ;;
              esac
            done
            """);
        var c = Check("below_three", 2, liar);
        Assert.False(c.Holds);
        Assert.Matches(@"^step k=2 fails \(cvc5 [0-9.]+ finds a counterexample to it\)$", c.Failure);
    }

    [Fact]
    public void A_base_case_that_a_short_path_violates_is_caught()
    {
        // n reaches 3 in three steps: the base case for k = 3 is sat.
        var c = Check("below_three", 3);
        Assert.False(c.Holds);
        Assert.Empty(c.Passed);
        Assert.StartsWith("base k=3 fails", c.Failure);
    }
}
