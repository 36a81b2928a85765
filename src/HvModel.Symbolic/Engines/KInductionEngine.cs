using HvModel.Core.Checking;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// k-induction ("kind") with the simple-path strengthening, for every goal of the variant at
/// once. For k = 0, 1, ...: the base case is BMC at depth k from the initial states, shared by
/// all goals (a hit is a shortest counterexample); the step asks, per open goal, whether k+1
/// pairwise distinct states, linked by transitions, can be good for k states and bad at the
/// last. Unsat proves the goal (an invariant holds, a cover is unreachable), since the base
/// cases cover every shorter path, once the proof passes its certificate (base and step
/// re-checked by fresh solver processes). "Bad" includes model errors, so a proof also shows
/// that no model error is reachable. Goals proved strengthen the step case of the others: what
/// holds in every reachable state holds in the last k+1 states of a shortest path. Before the
/// goals one by one, each k looks for the largest set of open goals whose conjunction is
/// k-inductive (<see cref="Together"/>): goals that support one another (properties and the
/// lemmas that strengthen them) are proved together at a k where none is alone.
/// </summary>
/// <remarks>
/// The model's own lemmas (<c>lemma</c> declarations, once the language has them) are to be
/// assumed the same way, each in every state of the step case: see <see cref="Assumed"/>.
/// </remarks>
public sealed class KInductionEngine(string? solverPath = null) : SymbolicEngine(solverPath)
{
    public override string Name => "kind";

    internal override void CheckVariant(VariantRun run)
    {
        using var baseSolver = run.OpenPathSolver("base", run.PathEncoder);
        using var stepSolver = run.OpenPathSolver("step", run.Encoder);
        var bmc = new BmcSearch(run, baseSolver);
        if (bmc.Start() is { } failed)
        {
            run.GiveUp(0, failed);
            return;
        }

        var induction = new Unrolling(run.Encoder, stepSolver, "u");
        induction.StartAnywhere();

        // Each goal's induction hypothesis (good in every state but the last) holds under its literal.
        var hypotheses = new Dictionary<Goal, string>(ReferenceEqualityComparer.Instance);
        foreach (var g in run.Goals)
        {
            hypotheses[g] = induction.FreeLiteral();
        }

        var proved = new List<Goal>();
        var maxDepth = Math.Max(0, run.Options.Depth);
        for (var k = 0; ; k++)
        {
            run.Options.Cancellation.ThrowIfCancellationRequested();
            if (bmc.CheckLast() is { } stopped)
            {
                run.GiveUp(k, stopped);
                return;
            }

            // The goals one by one only when the search together did not run to its end.
            var open = run.Board.Open.Count > 1 && Together(run, induction, hypotheses, k, proved) ? (IReadOnlyList<Goal>)[] : run.Board.Open;
            for (var i = 0; i < open.Count; i++)
            {
                var goal = open[i];
                run.Progress($"k = {k}, step case of {goal.Name}");
                var bad = KInductionObligations.Bad(induction, goal, k);
                var step = induction.CheckAssuming(bad, learn: false, [hypotheses[goal]], Slice(run, open.Count - i));
                if (step.Status == SolverStatus.Unsat && Proved(run, [goal], k, proved))
                {
                    Adopt(induction, proved, [goal], k);
                }
                else if (step.Status == SolverStatus.Unknown && OutOfTime(run))
                {
                    run.GiveUp(k, $"induction step: {VariantRun.Describe(step, k)}");
                    return;
                }
            }

            if (run.Board.Open.Count == 0)
            {
                return;
            }

            if (k == maxDepth)
            {
                run.GiveUp(maxDepth, $"not proved by k-induction up to k = {maxDepth}; no counterexample up to depth {maxDepth}");
                return;
            }

            run.Progress($"k = {k + 1}");
            foreach (var g in run.Board.Open)
            {
                stepSolver.Assert(Implies(hypotheses[g], Not(KInductionObligations.Bad(induction, g, k))));
            }

            induction.Extend();
            induction.AssertDistinctFromEarlier();
            KInductionObligations.Assume(induction, proved, k + 1);
            bmc.Extend();
        }
    }

    /// <summary>
    /// The step case of open goals together, Houdini-style: the conjunction of the set is asked;
    /// a counterexample to induction drops the goals bad at its last state, and the rest is
    /// asked again, until the set is inductive (its goals are proved at once) or empty. A goal
    /// that is k-inductive alone is never dropped (no counterexample satisfying its hypothesis is
    /// bad for it), so when the loop ran to its end the goals one by one have nothing to add at
    /// this k: it returns true then, false when a call gave no answer or a certificate failed.
    /// </summary>
    private static bool Together(VariantRun run, Unrolling induction, Dictionary<Goal, string> hypotheses, int k, List<Goal> proved)
    {
        // After a proof the goals dropped are asked again: the goals just proved now hold at k too.
        for (var set = run.Board.Open.ToList(); set.Count > 0; set = run.Board.Open.ToList())
        {
            while (true)
            {
                run.Progress(set.Count == 1 ? $"k = {k}, step case of {set[0].Name}" : $"k = {k}, step case of {set.Count} goals at once");
                var bads = set.Select(g => KInductionObligations.Bad(induction, g, k)).ToList();
                // One query for the whole set: half the time left, the goals one by one keep the rest.
                var answer = induction.CheckAssuming(Or(bads), learn: false, [.. set.Select(g => hypotheses[g])], Slice(run, 2));
                if (answer.Status == SolverStatus.Unsat)
                {
                    if (!Proved(run, set, k, proved))
                    {
                        return false;
                    }

                    Adopt(induction, proved, set, k);
                    break;
                }

                if (answer.Status != SolverStatus.Sat)
                {
                    return false;
                }

                var values = Sexp.Parse(induction.Solver.Query($"(get-value ({string.Join(' ', bads)}))"));
                var badNow = set.Where((_, i) => values.Items[i].Items[1].Atom == "true").ToList();
                if (badNow.Count == 0)
                {
                    return false;
                }

                set.RemoveAll(badNow.Contains);
                if (set.Count == 0)
                {
                    return true;
                }
            }
        }

        return true;
    }

    /// <summary>Adds goals just proved to <paramref name="proved"/>, assumed from now on in states 0..k of the step case.</summary>
    private static void Adopt(Unrolling induction, List<Goal> proved, IReadOnlyList<Goal> goals, int k)
    {
        proved.AddRange(goals);
        for (var j = 0; j <= k; j++)
        {
            KInductionObligations.Assume(induction, goals, j);
        }
    }

    /// <summary>The facts assumed in every state of the step case: the goals proved so far (and, later, the model's lemmas).</summary>
    private static IReadOnlyList<Goal> Assumed(IReadOnlyList<Goal> proved) => proved;

    /// <summary>Certifies the step case's proof of <paramref name="goals"/> (their conjunction) and decides them; false when the certificate fails.</summary>
    private static bool Proved(VariantRun run, IReadOnlyList<Goal> goals, int k, IReadOnlyList<Goal> proved)
    {
        var assumed = Assumed(proved);
        var subject = $"{k}-induction{(goals.Count > 1 ? $" of {goals.Count} goals at once" : string.Empty)}"
            + (assumed.Count == 0 ? string.Empty : $" (assuming {string.Join(", ", assumed.Select(g => g.Name))}, proved before)");
        var certificate = run.Certify(goals, subject, KInductionObligations.For(run.Encoder, goals, k, assumed), unrolled: true);
        if (!certificate.Holds)
        {
            // The searching solver's unsat is not confirmed: the goals stay open for deeper k.
            run.Progress($"{string.Join(", ", goals.Select(g => g.Name))}: {certificate.Describe()}");
            return false;
        }

        var decided = false;
        foreach (var goal in goals)
        {
            decided |= run.Board.TryDecide(goal, run.Result(goal, goal.WhenUnreachable, k, $"proved by {k}-induction") with { Certificate = certificate.Describe() });
        }

        return decided;
    }

    // Without a time limit every step call runs to its end; with one, a call gets its share of
    // the time left among the goals still to be asked at this k, so no goal starves the others.
    private static DateTime? Slice(VariantRun run, int goalsLeft) =>
        run.Options.Deadline is { } end ? DateTime.UtcNow + ((end - DateTime.UtcNow) / Math.Max(1, goalsLeft)) : null;

    private static bool OutOfTime(VariantRun run) => run.Options.Deadline is { } end && DateTime.UtcNow >= end;
}
