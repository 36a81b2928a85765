using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// A small inductive subset J of Houdini's set S that still implies the properties, found as
/// IC3 refines a frame, with S as the pool of lemmas: start from what the properties need, and
/// while some step leads from a state of J out of J (a counterexample to induction, found in a
/// bounded universe, where queries are ground and quick), add the simplest member of S that
/// the counterexample's first state violates. S is inductive and contains J, so some member
/// always excludes the counterexample, and the search ends. A small J is what the unbounded
/// queries (quantified, much slower) and the report need.
/// </summary>
public sealed class SupportSearch(ParamEncoder encoder, IReadOnlyList<Candidate> candidates, IReadOnlyList<int> pool, Func<string, Z3Process> open, BoundedUniverse universe, Action<string> progress)
{
    /// <summary>The support grown from <paramref name="start"/> (members of the pool) until it is inductive in the bounded universe.</summary>
    /// <param name="start">What the properties need to begin with.</param>
    /// <param name="rank">Smaller is simpler: the order in which members are preferred.</param>
    public IReadOnlyList<int> Grow(IEnumerable<int> start, Func<int, (int, int, int)> rank)
    {
        var support = new HashSet<int>(start);
        var solvers = new List<(ParamStep Step, Z3Process Solver)>();
        try
        {
            var vocabulary = encoder.Vocabulary;
            foreach (var step in encoder.Actions)
            {
                var solver = open($"support-{step.Name}");
                solvers.Add((step, solver));
                var commands = vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x"))
                    .Concat(vocabulary.StateDeclarations("y")).Concat(step.Commands(vocabulary))
                    .Append($"(assert {step.Guard})")
                    .Append($"(assert {SmtTerms.Not(step.Error)})")
                    .Concat(pool.SelectMany(k => new[] { $"(declare-const pa.{k} Bool)", $"(assert (= pa.{k} {candidates[k].Term("x")}))" }))
                    .Concat(pool.SelectMany(k => candidates[k].ViolatedAfter(k, witnesses: false)));
                foreach (var command in universe.Ground(commands))
                {
                    solver.Send(command);
                }
            }

            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var (step, solver) in solvers)
                {
                    while (Counterexample(solver, support) is { } excluded)
                    {
                        var best = excluded.OrderBy(rank).First();
                        support.Add(best);
                        changed = true;
                        progress($"support: {step.Name} leaves it; adding {candidates[best].Name} ({support.Count} lemmas)");
                    }
                }
            }
        }
        finally
        {
            foreach (var (_, s) in solvers)
            {
                s.Dispose();
            }
        }

        return [.. support.Order()];
    }

    // The pool members false in the first state of a step that leaves the support; null when none does.
    private List<int>? Counterexample(Z3Process solver, HashSet<int> support)
    {
        solver.Send("(push 1)");
        try
        {
            foreach (var k in support)
            {
                solver.Assert($"pa.{k}");
            }

            solver.Assert($"(or {string.Join(' ', support.Order().Select(k => $"nb.{k}"))} false)");
            var answer = solver.CheckSat();
            if (answer.Status == SolverStatus.Unsat)
            {
                return null;
            }

            if (answer.Status != SolverStatus.Sat)
            {
                throw new SolverException($"support search: {answer.Reason}");
            }

            var others = pool.Where(k => !support.Contains(k)).ToList();
            if (others.Count == 0)
            {
                throw new SolverException("support search: the pool is not inductive (a solver fault)");
            }

            var values = Sexp.Parse(solver.Query($"(get-value ({string.Join(' ', others.Select(k => $"pa.{k}"))}))"));
            var excluded = values.Items.Where(p => p.Items.Count == 2 && p.Items[1].Atom == "false")
                .Select(p => int.Parse(p.Items[0].Atom![3..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return excluded.Count > 0 ? excluded : throw new SolverException("support search: no member of the pool excludes the counterexample (a solver fault)");
        }
        finally
        {
            solver.Send("(pop 1)");
        }
    }
}
