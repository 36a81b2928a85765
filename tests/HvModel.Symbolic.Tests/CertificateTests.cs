using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Engines;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// The certificate of an invariant: initiation, consecution and safety re-checked by fresh
/// solver processes. Wrong invariants fed to the checker are caught, each by the obligation it
/// breaks; a right one passes all three; a pdr proof says which checks ran.
/// </summary>
public sealed class CertificateTests
{
    private static Certificate Check(string modelText, string property, string body)
    {
        var model = ModelLoader.LoadText(modelText);
        var horn = new HornSystem(new ModelEncoder(model, model.Variants[0]), model.GetProperty(property));
        var invariant = InductiveInvariant.FromBody([.. horn.Sorts.Select((sort, j) => ($"v{j}", sort))], body);
        var checker = new CertificateChecker(_ => new Z3Process(), Z3Process.ShortName());
        return checker.Check("test invariant", InvariantObligations.For(horn, invariant));
    }

    [Fact]
    public void A_true_inductive_invariant_passes_every_obligation()
    {
        var c = Check(TestModels.Counter, "below_six", "(and (<= 0 v0) (<= v0 5))");
        Assert.True(c.Holds, c.Describe());
        Assert.Equal(["initiation", "consecution", "safety"], c.Passed);
        Assert.Equal("test invariant re-checked: initiation, consecution, safety (z3 4.8.12)", c.Describe());
    }

    [Theory]
    [InlineData("below_six", "(and (<= 1 v0) (<= v0 5))", "initiation")] // excludes the initial state
    [InlineData("below_six", "(and (<= 0 v0) (< v0 3))", "consecution")] // 2 steps to 3, outside
    [InlineData("below_three", "true", "safety")]                         // contains the violation n = 3
    [InlineData("reaches_four", "(< v0 5)", "consecution")]               // a cover claimed unreachable
    public void A_wrong_invariant_is_caught_by_the_obligation_it_breaks(string property, string body, string broken)
    {
        var c = Check(TestModels.Counter, property, body);
        Assert.False(c.Holds);
        Assert.StartsWith($"{broken} fails", c.Failure);
        Assert.Contains("re-check failed", c.Describe());
    }

    [Fact]
    public void A_model_error_reachable_inside_the_invariant_breaks_safety()
    {
        // 'up' takes x from 3 to 4, outside 0..3: an invariant holding at x = 3 must not pass.
        var c = Check(TestModels.Overflow, "fine", "(and (<= 0 v0) (<= v0 3))");
        Assert.False(c.Holds);
        Assert.StartsWith("safety fails", c.Failure);
    }

    [Fact]
    public void A_pdr_proof_says_which_certificate_checks_ran()
    {
        var model = ModelLoader.LoadText(TestModels.Mutex);
        var options = new CheckOptions { ShowInvariant = true, ReachableStates = (m, v) => HvModel.Explicit.ReachableStates.Explore(m, v, new CheckOptions()).States };
        // Two invariants: one invariant for both (deadlock is left to its own query).
        var both = new PdrEngine().Check(model, model.GetVariant("fixed"), [model.GetProperty("exclusive"), model.GetProperty("exclusive_pairs")], options);
        var r = both[0];
        Assert.Equal(Verdict.Holds, r.Verdict);
        var second = SecondSolvers.Default is { } cvc5 ? $", {cvc5.Name}" : string.Empty;
        Assert.StartsWith($"pdr invariant of 2 goals re-checked: initiation, consecution, safety of exclusive, safety of exclusive_pairs (z3 4.8.12{second}); explicit: the invariant holds in the ", r.Certificate);
        Assert.Equal(r.Certificate, both[1].Certificate);

        // One goal alone: its own invariant, one safety obligation.
        var alone = new PdrEngine().Check(model, model.GetVariant("fixed"), [model.GetProperty("exclusive")], options with { CheckDeadlock = false })[0];
        Assert.StartsWith($"pdr invariant re-checked: initiation, consecution, safety (z3 4.8.12{second}); explicit: ", alone.Certificate);

        // The invariant in the model's syntax: slots by name, enum values by member, no SMT-LIB.
        Assert.StartsWith("inductive invariant: ", r.Reason);
        Assert.DoesNotContain("(not ", r.Reason);
        Assert.Matches(@"pc\[Proc[01]\] (!?=) (Idle|Waiting|Critical)", r.Reason);
    }

    [Fact]
    public void An_invariant_that_is_not_in_the_model_is_a_solver_failure()
    {
        Assert.Throws<SolverException>(() => InductiveInvariant.FromModel("((define-fun Other () Bool true))", []));
        Assert.Throws<SolverException>(() => InductiveInvariant.FromModel("((define-fun Inv ((x!0 Bool)) Bool true))", ["Int"]));
        Assert.Throws<SolverException>(() => InductiveInvariant.FromModel("sat", ["Int"]));
        var inv = InductiveInvariant.FromModel("((define-fun Inv ((x!0 Int)) Bool (<= x!0 5)))", ["Int"]);
        Assert.Equal("(<= x!0 5)", inv.Body.ToString());
    }

    [Fact]
    public void A_solver_lying_about_the_invariant_is_caught_by_a_real_z3()
    {
        // Spacer (faked) claims below_three holds with the invariant "true"; the certificate's
        // fresh solver, a real z3, finds that safety fails: unknown, not holds.
        using var fakes = new FakeSolvers();
        var real = Z3Process.DefaultExecutable;
        var liar = fakes.Write("horn-liar", $$"""
            case "$1" in --version) exec {{real}} --version ;; esac
            horn=0
            buffer=""
            while IFS= read -r line; do
              case "$line" in *"(set-logic HORN)"*) horn=1 ;; esac
              if [ "$horn" = 1 ]; then
                case "$line" in
                  *"(check-sat)"*) echo sat ;;
                  *"(get-model)"*) echo '((define-fun Inv ((x!0 Int)) Bool true))' ;;
                  *"(echo "*) echo hvmodel-sync ;;
                  *"(exit)"*) exit 0 ;;
                esac
              else
                buffer="$buffer$line
            "
                case "$line" in *"(echo "*) printf '%s' "$buffer" | {{real}} -in; buffer="" ;; esac
              fi
            done
            """);
        var model = ModelLoader.LoadText(TestModels.Counter);
        var r = new PdrEngine(liar, portfolio: false).Check(model, model.Variants[0], [model.GetProperty("below_three")], new CheckOptions())[0];
        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Contains("certificate failed: safety fails", r.Reason);
        Assert.Contains("re-check failed", r.Certificate);
    }
}
