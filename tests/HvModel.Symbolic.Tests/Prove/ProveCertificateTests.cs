using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Prove;

namespace HvModel.Symbolic.Tests.Prove;

/// <summary>
/// The certificate of prove's invariant: the printed text is bound again and re-checked. A
/// deliberately wrong invariant is caught by z3; by cvc5 when z3 lies; and by the explicit
/// engine's evaluation when both solvers are out of the way.
/// </summary>
public sealed class ProveCertificateTests
{
    private const string Lock = "tests/models/prove/lock.hvm";

    private const string Exclusive = "forall p: Proc . forall p2: Proc . pc[p] = critical and pc[p2] = critical -> p = p2";

    // Inductive with the property, initiated, and true in every reachable state.
    private static readonly PrintedLemma Right = new("inferred_1", LemmaOrigin.Inferred, "forall p: Proc . pc[p] = critical -> locked", null);

    // Initiated, but 'request' breaks it, and a reachable state violates it.
    private static readonly PrintedLemma Wrong = new("inferred_2", LemmaOrigin.Inferred, "forall p: Proc . pc[p] = idle", null);

    private static readonly PrintedLemma Property = new("exclusive", LemmaOrigin.Property, Exclusive, null);

    private static Certificate Check(PrintedLemma[] invariant, string? z3 = null, string? cvc5 = "cvc5")
    {
        // A lying z3 answers at once, which would leave cvc5 only the 2 s floor: on this loaded
        // 2-core machine it once took longer, and the explicit evaluation caught the lie instead.
        var input = ProveHarness.Input(Lock, solver: z3) with { SecondSolver = cvc5, SecondSolverMinimum = TimeSpan.FromSeconds(60) };
        var open = (string _) => new HvModel.Symbolic.Smt.Z3Process(z3);
        return new ProveCertifier(input, input.Model.Variants[0], open).Check(invariant, ["exclusive"]);
    }

    [Fact]
    public void The_right_invariant_passes_with_both_solvers_and_the_explicit_engine()
    {
        var c = Check([Property, Right]);
        Assert.True(c.Holds, c.Describe());
        Assert.Contains("cvc5", c.Solver);
        Assert.Equal(["initiation", "consecution of request", "consecution of enter", "consecution of leave", "exclusive follows"], c.Passed);
        Assert.Contains("explicit: every lemma holds in the", c.Describe());
    }

    [Fact]
    public void A_wrong_invariant_is_caught_by_z3()
    {
        var c = Check([Property, Right, Wrong]);
        Assert.False(c.Holds);
        Assert.Equal("consecution of request fails (the solver finds a counterexample to it)", c.Failure);
    }

    [Fact]
    public void A_wrong_invariant_is_caught_by_cvc5_when_z3_lies()
    {
        using var fakes = new FakeSolvers();
        var c = Check([Property, Right, Wrong], z3: LyingUnsat(fakes));
        Assert.False(c.Holds);
        Assert.True(c.Failure is not null && System.Text.RegularExpressions.Regex.IsMatch(c.Failure, @"^consecution of request fails \(cvc5 [0-9.]+ finds a counterexample to it\)$"), c.Describe());
    }

    [Fact]
    public void A_wrong_invariant_is_caught_by_the_explicit_engine_when_no_solver_objects()
    {
        using var fakes = new FakeSolvers();
        var c = Check([Property, Right, Wrong], z3: LyingUnsat(fakes), cvc5: Path.Combine(fakes.Dir, "no-such-cvc5"));
        Assert.False(c.Holds);
        Assert.Equal("explicit evaluation fails: lemma 3 is false in a reachable state", c.Failure);
    }

    [Fact]
    public void Text_that_is_not_model_syntax_fails_the_certificate()
    {
        var c = Check([Property, Right with { Text = "forall p: Proc . pc[p] == critical" }]);
        Assert.False(c.Holds);
        Assert.StartsWith("the printed invariant does not bind as model syntax", c.Failure);
    }

    // A z3 that answers unsat to everything: it would certify anything.
    private static string LyingUnsat(FakeSolvers fakes) => fakes.Write("unsat-liar", """
        case "$1" in --version) echo 'Z3 version 4.8.12 - 64 bit (fake)'; exit 0 ;; esac
        while IFS= read -r line; do
          case "$line" in
            *"(check-sat)"*) echo unsat ;;
            *"(echo "*) echo hvmodel-sync ;;
            *"(exit)"*) exit 0 ;;
          esac
        done
        """);
}
