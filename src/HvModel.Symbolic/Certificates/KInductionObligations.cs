using HvModel.Symbolic.Engines;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// What makes a k-induction run a proof of one or more goals, as two obligations that must be
/// unsat, written afresh from the model (not from the searching solver's session): the base
/// case (no path from the initial states reaches a goal's target or a model error within k
/// steps, the init block included) and the step case (no k+1 pairwise distinct states, linked
/// by transitions, are good for every goal in k states and bad for one at the last: the goals'
/// conjunction is k-inductive). Goals proved earlier in the run may be assumed in every state
/// of the step case; the certificate names them, and each has a certificate of its own.
/// </summary>
internal static class KInductionObligations
{
    public static IEnumerable<ProofObligation> For(ModelEncoder encoder, IReadOnlyList<Goal> goals, int k, IReadOnlyList<Goal> assumed)
    {
        yield return Base(encoder, goals, k);
        yield return Step(encoder, goals, k, assumed);
    }

    /// <summary>
    /// A completeness threshold (bmc): no loop-free path from the initial states is longer than
    /// <paramref name="k"/>, so every reachable state is reached within k steps, and the base
    /// case up to k decides the goal.
    /// </summary>
    public static IEnumerable<ProofObligation> ForThreshold(ModelEncoder encoder, Goal goal, int k)
    {
        var script = Script(encoder);
        var path = new Unrolling(encoder, script, "s");
        path.DeclareInit();
        path.StartFromInit();
        for (var i = 1; i <= k + 1; i++)
        {
            path.Extend();
            path.AssertDistinctFromEarlier();
        }

        yield return new ProofObligation($"no loop-free path longer than {k}", script.Commands);
        yield return Base(encoder, [goal], k);
    }

    private static ProofObligation Base(ModelEncoder encoder, IReadOnlyList<Goal> goals, int k)
    {
        var baseScript = Script(encoder);
        var path = new Unrolling(encoder, baseScript, "s");
        path.DeclareInit();
        path.StartFromInit();
        var bad = new List<string> { path.InitError };
        bad.AddRange(goals.Select(g => Bad(path, g, 0)));
        for (var i = 1; i <= k; i++)
        {
            path.Extend();
            bad.AddRange(goals.Select(g => Bad(path, g, i)));
        }

        baseScript.Assert(Or(bad));
        return new ProofObligation($"base k={k}", baseScript.Commands);
    }

    private static ProofObligation Step(ModelEncoder encoder, IReadOnlyList<Goal> goals, int k, IReadOnlyList<Goal> assumed)
    {
        var stepScript = Script(encoder);
        var step = new Unrolling(encoder, stepScript, "u");
        step.StartAnywhere();
        for (var i = 0; i < k; i++)
        {
            Assume(step, [.. assumed, .. goals], i);
            step.Extend();
            step.AssertDistinctFromEarlier();
        }

        Assume(step, assumed, k);
        stepScript.Assert(Or(goals.Select(g => Bad(step, g, k))));
        return new ProofObligation($"step k={k}", stepScript.Commands);
    }

    /// <summary>
    /// A script of one unrolled path, told the encoding's logic as the searching solvers are
    /// (see <see cref="SmtArithmetic.Logic"/>), so that the certificate re-checks in the solver
    /// configuration that found the proof (time alike: v3 at 3x3, the 1-induction of 1,419
    /// goals re-checked in 5.6 s with it, 5.4 s without).
    /// </summary>
    private static ScriptRecorder Script(ModelEncoder encoder)
    {
        var script = new ScriptRecorder();
        if (encoder.Arithmetic.Logic is { } logic)
        {
            script.Send($"(set-logic {logic})");
        }

        return script;
    }

    /// <summary>The goal is decided against at position <paramref name="i"/>: its target, or a model error there.</summary>
    public static string Bad(Unrolling path, Goal goal, int i)
    {
        var (target, error) = path.Target(goal, i);
        return Or(target, error, path.StepError(i));
    }

    /// <summary>Asserts that the goals proved already are not bad at position <paramref name="i"/>.</summary>
    public static void Assume(Unrolling path, IReadOnlyList<Goal> proved, int i)
    {
        foreach (var g in proved)
        {
            path.Sink.Assert(Not(Bad(path, g, i)));
        }
    }
}
