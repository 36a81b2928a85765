using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// One variant's k-induction (see <see cref="KInductionEngine"/>): the base case's BMC path
/// and the induction step's path, each in its own solver, the goals proved so far, and the
/// generated invariants still in play.
/// </summary>
internal sealed class KInductionSearch : IDisposable
{
    private readonly VariantRun run;
    private readonly Z3Process baseSolver;
    private readonly Z3Process stepSolver;
    private readonly BmcSearch bmc;
    private readonly Unrolling induction;

    // Each goal's induction hypothesis (good in every state but the last) holds under its literal.
    private readonly Dictionary<Goal, string> hypotheses = new(ReferenceEqualityComparer.Instance);

    // "The goal is bad at position k" of the step case, declared once per goal and k.
    private readonly Dictionary<Goal, Dictionary<int, string>> badLiterals = new(ReferenceEqualityComparer.Instance);

    private readonly List<Goal> proved = [];

    // Generated invariants that hold in the base cases so far and are not proved yet.
    private readonly List<Goal> candidates = [];

    public KInductionSearch(VariantRun run)
    {
        this.run = run;
        baseSolver = run.OpenPathSolver("base", run.PathEncoder);
        try
        {
            stepSolver = run.OpenPathSolver("step", run.Encoder);
        }
        catch
        {
            baseSolver.Dispose();
            throw;
        }

        bmc = new BmcSearch(run, baseSolver);
        induction = new Unrolling(run.Encoder, stepSolver, "u");
    }

    public void Run()
    {
        if (bmc.Start() is { } failed)
        {
            run.GiveUp(0, failed);
            return;
        }

        induction.StartAnywhere();
        foreach (var g in run.Goals)
        {
            hypotheses[g] = induction.FreeLiteral();
        }

        var maxDepth = Math.Max(0, run.Options.Depth);
        for (var k = 0; ; k++)
        {
            run.Options.Cancellation.ThrowIfCancellationRequested();
            if (bmc.CheckLast() is { } stopped)
            {
                run.GiveUp(k, stopped);
                return;
            }

            if (k == 1 && run.Options.GenerateInvariants && run.Board.Open.Count > 0)
            {
                Generate(k);
            }
            else
            {
                KeepHoldingAt(k);
            }

            // The goals one by one only when the search together did not run to its end.
            var open = run.Board.Open.Count + candidates.Count > 1 && Together(k) ? (IReadOnlyList<Goal>)[] : run.Board.Open;
            for (var i = 0; i < open.Count; i++)
            {
                var goal = open[i];
                run.Progress($"k = {k}, step case of {goal.Name}");
                var step = induction.CheckAssuming(Bad(goal, k), learn: false, [hypotheses[goal]], Slice(open.Count - i));
                if (step.Status == SolverStatus.Unsat)
                {
                    Proved([goal], k);
                }
                else if (step.Status == SolverStatus.Unknown && OutOfTime())
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
            foreach (var g in run.Board.Open.Concat(candidates))
            {
                stepSolver.Assert(Implies(hypotheses[g], Not(Bad(g, k))));
            }

            induction.Extend();
            induction.AssertDistinctFromEarlier();
            KInductionObligations.Assume(induction, proved, k + 1);
            bmc.Extend();
        }
    }

    public void Dispose()
    {
        stepSolver.Dispose();
        baseSolver.Dispose();
    }

    /// <summary>
    /// The step case of open goals together, Houdini-style: the conjunction of the set is asked;
    /// a counterexample to induction drops the goals bad at its last state, and the rest is
    /// asked again, until the set is inductive (its goals are proved at once) or empty. A goal
    /// that is k-inductive alone is never dropped (no counterexample satisfying its hypothesis is
    /// bad for it), so when the loop ran to its end the goals one by one have nothing to add at
    /// this k: it returns true then, false when a call gave no answer or a certificate failed.
    /// The generated invariants still in play are in the set too, as long as a goal is.
    /// </summary>
    internal bool Together(int k)
    {
        // Half the time left for the whole search at this k: the goals one by one keep the rest,
        // however many rounds the candidates take.
        var deadline = Slice(2);

        // After a proof the goals dropped are asked again: the goals just proved now hold at k too.
        for (var set = InPlay(); set.Any(g => g.Candidate is null); set = InPlay())
        {
            while (true)
            {
                run.Progress(set.Count == 1 ? $"k = {k}, step case of {set[0].Name}" : $"k = {k}, step case of {Count(set)} at once");
                var bads = set.Select(g => Bad(g, k)).ToList();
                var answer = induction.CheckAssuming(Or(bads), learn: false, [.. set.Select(g => hypotheses[g])], deadline);
                if (answer.Status == SolverStatus.Unsat)
                {
                    if (!Proved(set, k))
                    {
                        return false;
                    }

                    break;
                }

                if (answer.Status != SolverStatus.Sat)
                {
                    return false;
                }

                var badNow = TrueInModel(set, bads, stepSolver);
                if (badNow.Count == 0)
                {
                    return false;
                }

                set.RemoveAll(badNow.Contains);
                if (set.All(g => g.Candidate is not null))
                {
                    // No goal is left to strengthen: proving candidates alone would be for nothing.
                    return true;
                }
            }
        }

        return true;
    }

    /// <summary>The open goals and the candidates, in that order.</summary>
    private List<Goal> InPlay() => [.. run.Board.Open, .. candidates];

    /// <summary>
    /// Generates candidate invariants at depth <paramref name="k"/> of the base case: those that
    /// hold at every depth up to k join the search, their hypotheses asserted for the states
    /// before the last as the goals' are.
    /// </summary>
    private void Generate(int k)
    {
        run.Progress($"k = {k}: generating candidate invariants");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var generated = CandidateInvariants.Generate(run.Model, run.Variant, run.Options);
        candidates.AddRange(generated);
        for (var d = 0; d <= k && candidates.Count > 0; d++)
        {
            KeepHoldingAt(d);
        }

        run.Progress($"k = {k}: {candidates.Count} of {generated.Count} candidate invariants hold up to depth {k} ({watch.Elapsed.TotalSeconds:0.00} s)");
        foreach (var c in candidates)
        {
            hypotheses[c] = induction.FreeLiteral();
            for (var j = 0; j < k; j++)
            {
                stepSolver.Assert(Implies(hypotheses[c], Not(Bad(c, j))));
            }
        }
    }

    /// <summary>
    /// Drops the candidates that some path from the initial states breaks at depth
    /// <paramref name="d"/> (asked together, a model dropping those it breaks, until none is
    /// broken); all of them when the solver gives no answer.
    /// </summary>
    private void KeepHoldingAt(int d)
    {
        var path = bmc.Path;
        var literals = candidates.ToDictionary(c => c, c => path.Literal(path.Target(c, d).Target));
        while (candidates.Count > 0)
        {
            var broken = candidates.Select(c => literals[c]).ToList();
            var answer = path.CheckAssuming(Or(broken), learn: true, callDeadline: Slice(2));
            if (answer.Status == SolverStatus.Unsat)
            {
                return;
            }

            if (answer.Status != SolverStatus.Sat)
            {
                run.Progress($"the candidate invariants are given up: {VariantRun.Describe(answer, d)}");
                candidates.Clear();
                return;
            }

            var brokenNow = TrueInModel(candidates, broken, path.Solver);
            if (brokenNow.Count == 0)
            {
                // The model breaks none of them: the solver's answers disagree; keep nothing unsure.
                run.Progress($"the candidate invariants are given up: no candidate broken in the solver's model at depth {d}");
                candidates.Clear();
                return;
            }

            candidates.RemoveAll(brokenNow.Contains);
        }
    }

    /// <summary>The goals of <paramref name="set"/> whose literal in <paramref name="literals"/> the solver's last model makes true.</summary>
    private static List<Goal> TrueInModel(List<Goal> set, List<string> literals, Z3Process solver)
    {
        var values = Sexp.Parse(solver.Query($"(get-value ({string.Join(' ', literals)}))"));
        return [.. set.Where((_, i) => values.Items[i].Items[1].Atom == "true")];
    }

    /// <summary>The literal of "<paramref name="goal"/> is bad at position <paramref name="k"/> of the step case".</summary>
    private string Bad(Goal goal, int k)
    {
        if (!badLiterals.TryGetValue(goal, out var byPosition))
        {
            badLiterals[goal] = byPosition = [];
        }

        if (!byPosition.TryGetValue(k, out var literal))
        {
            byPosition[k] = literal = induction.Literal(KInductionObligations.Bad(induction, goal, k));
        }

        return literal;
    }

    /// <summary>
    /// Certifies the step case's proof of <paramref name="goals"/> (their conjunction), decides
    /// the goals among them and assumes them all from now on in states 0..k of the step case;
    /// false when the certificate fails (the goals stay open for deeper k).
    /// </summary>
    private bool Proved(IReadOnlyList<Goal> goals, int k)
    {
        var subject = $"{k}-induction{(goals.Count > 1 ? $" of {Count(goals)} at once" : string.Empty)}"
            + (proved.Count == 0 ? string.Empty : $" (assuming {Named(proved)}, proved before)");
        var certificate = run.Certify(goals, subject, KInductionObligations.For(run.Encoder, goals, k, proved), unrolled: true);
        if (!certificate.Holds)
        {
            run.Progress($"{Count(goals)}: {certificate.Describe()}");
            return false;
        }

        var strengthened = goals.Concat(proved).Count(g => g.Candidate is not null);
        var how = $"proved by {k}-induction" + (strengthened == 0 ? string.Empty : $", strengthened by {Generated(strengthened)}");
        string? shown = null;
        foreach (var goal in goals.Where(g => g.Candidate is null))
        {
            // --show-invariant: the generated invariants are printed once per proof, with its first goal.
            var reason = how;
            if (run.Options.ShowInvariant && strengthened > 0)
            {
                reason = shown is null
                    ? $"{how}: {CandidateInvariants.Print(run.Model, run.Variant, goals.Concat(proved).Where(g => g.Candidate is not null))}"
                    : $"{how} (printed with {shown})";
                shown ??= goal.Name;
            }

            run.Board.TryDecide(goal, run.Result(goal, goal.WhenUnreachable, k, reason) with { Certificate = certificate.Describe() });
        }

        proved.AddRange(goals);
        candidates.RemoveAll(goals.Contains);
        for (var j = 0; j <= k; j++)
        {
            KInductionObligations.Assume(induction, goals, j);
        }

        return true;
    }

    /// <summary>"3 goals and 41 generated invariants".</summary>
    private static string Count(IReadOnlyList<Goal> goals)
    {
        var generated = goals.Count(g => g.Candidate is not null);
        var own = goals.Count - generated;
        var parts = new List<string>();
        if (own > 0)
        {
            parts.Add(own == 1 ? "1 goal" : $"{own} goals");
        }

        if (generated > 0)
        {
            parts.Add(Generated(generated));
        }

        return string.Join(" and ", parts);
    }

    /// <summary>The goals by name, the generated invariants counted.</summary>
    private static string Named(IReadOnlyList<Goal> goals)
    {
        var names = goals.Where(g => g.Candidate is null).Select(g => g.Name).ToList();
        var generated = goals.Count - names.Count;
        if (generated > 0)
        {
            names.Add(Generated(generated));
        }

        return string.Join(", ", names);
    }

    private static string Generated(int count) => count == 1 ? "1 generated invariant" : $"{count} generated invariants";

    // Without a time limit every step call runs to its end; with one, a call gets its share of
    // the time left among the goals still to be asked at this k, so no goal starves the others.
    private DateTime? Slice(int goalsLeft) =>
        run.Options.Deadline is { } end ? DateTime.UtcNow + ((end - DateTime.UtcNow) / Math.Max(1, goalsLeft)) : null;

    private bool OutOfTime() => run.Options.Deadline is { } end && DateTime.UtcNow >= end;
}
