using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// Houdini (Flanagan and Leino): the largest subset of the candidates that is inductive, found
/// by dropping every candidate that fails initiation or consecution relative to the others and
/// repeating until nothing is dropped. One solver per action, kept across rounds: each
/// candidate k is asserted as <c>a.k =&gt; c_k(x)</c> and <c>b.k = c_k(y)</c>; a round asserts
/// the live <c>a.k</c> and "some live <c>b.k</c> is false", and every candidate false in the
/// solver's model is dropped at once. The result is the same whatever the order of dropping:
/// the greatest fixpoint of the candidates.
/// </summary>
public sealed class Houdini(ParamEncoder encoder, IReadOnlyList<Candidate> candidates, Func<string, Z3Process> open, Action<string> progress)
{
    /// <summary>Why each dropped candidate was dropped ("initiation", "consecution of ACTION").</summary>
    public Dictionary<int, string> Dropped { get; } = [];

    /// <summary>Solver rounds run, for the report.</summary>
    public int Rounds { get; private set; }

    /// <summary>Members per scalarset in the first, bounded pass.</summary>
    public const int BoundedSize = 3;

    /// <summary>
    /// The indices of the candidates that survive; throws <see cref="SolverException"/> on a
    /// solver's unknown. A first pass runs with every scalarset bounded to
    /// <see cref="BoundedSize"/> members: a counterexample there is one for every size too (a
    /// model with three members is a model), and the solver finds it in a finite universe at
    /// once; the second pass, without bound, only has to confirm the survivors.
    /// </summary>
    public IReadOnlyList<int> Run()
    {
        var alive = new HashSet<int>(Enumerable.Range(0, candidates.Count));
        foreach (var bounded in new[] { true, false })
        {
            var steps = encoder.Actions.Prepend(encoder.Init).ToList();
            var solvers = new List<Z3Process>();
            try
            {
                foreach (var step in steps)
                {
                    var solver = open($"houdini-{(bounded ? "bounded-" : string.Empty)}{step.Name}");
                    solvers.Add(solver);
                    Setup(solver, step, alive, bounded);
                }

                // Dropping a candidate weakens every action's assumption: repeat until a whole pass drops nothing.
                var changed = true;
                while (changed)
                {
                    changed = false;
                    for (var a = 0; a < solvers.Count; a++)
                    {
                        var why = steps[a].Action is null ? "initiation" : $"consecution of {steps[a].Name}";
                        changed |= Drain(solvers[a], alive, why, bounded);
                    }
                }
            }
            finally
            {
                foreach (var s in solvers)
                {
                    s.Dispose();
                }
            }
        }

        return [.. alive.Order()];
    }

    private void Setup(Z3Process solver, ParamStep step, HashSet<int> alive, bool bounded)
    {
        var vocabulary = encoder.Vocabulary;
        var withPre = step.Action is not null;
        foreach (var command in vocabulary.Declarations()
            .Concat(vocabulary.StateDeclarations(step.From))
            .Concat(withPre ? vocabulary.StateRanges(step.From) : [])
            .Concat(vocabulary.StateDeclarations("y"))
            .Concat(step.Commands(vocabulary)))
        {
            solver.Send(command);
        }

        var members = bounded ? Bound(solver) : null;
        solver.Assert(step.Guard);
        solver.Assert(SmtTerms.Not(step.Error));
        foreach (var k in alive.Order())
        {
            foreach (var command in (withPre ? candidates[k].AssumeBefore(k, members) : []).Concat(candidates[k].ViolatedAfter(k)))
            {
                solver.Send(command);
            }
        }
    }

    // At most BoundedSize members in every scalarset; returns each sort's member constants.
    private Dictionary<string, IReadOnlyList<string>> Bound(Z3Process solver)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var s in encoder.Vocabulary.Scalarsets)
        {
            var sort = ProveVocabulary.SortOf(s);
            var members = Enumerable.Range(0, Math.Max(BoundedSize, s.Fixed)).Select(k => $"m.{s.Name}.{k}").ToList();
            foreach (var m in members)
            {
                solver.Declare(m, sort);
            }

            solver.Assert($"(forall ((u {sort})) (or {string.Join(' ', members.Select(m => $"(= u {m})"))}))");
            result[sort] = members;
        }

        return result;
    }

    // Drops the candidates that fail for this step until the rest pass; true when some were dropped.
    private bool Drain(Z3Process solver, HashSet<int> alive, string why, bool bounded)
    {
        var dropped = false;
        while (alive.Count > 0)
        {
            Rounds++;
            var live = alive.Order().ToList();
            solver.Send("(push 1)");
            if (why != "initiation")
            {
                foreach (var k in live)
                {
                    solver.Assert($"a.{k}");
                }
            }

            solver.Assert($"(or {string.Join(' ', live.Select(k => $"nb.{k}"))} false)");
            var answer = solver.CheckSat();
            if (answer.Status == SolverStatus.Unsat)
            {
                solver.Send("(pop 1)");
                return dropped;
            }

            if (answer.Status != SolverStatus.Sat)
            {
                throw new SolverException($"Houdini, {why}{(bounded ? $" (at most {BoundedSize} members)" : string.Empty)}: {answer.Reason}");
            }

            var values = Sexp.Parse(solver.Query($"(get-value ({string.Join(' ', live.Select(k => $"nb.{k}"))}))"));
            solver.Send("(pop 1)");
            var before = alive.Count;
            foreach (var pair in values.Items)
            {
                if (pair.Items.Count == 2 && pair.Items[0].Atom is { } name && pair.Items[1].Atom == "true")
                {
                    var k = int.Parse(name[3..], System.Globalization.CultureInfo.InvariantCulture);
                    alive.Remove(k);
                    Dropped[k] = why;
                }
            }

            if (alive.Count == before)
            {
                throw new SolverException($"Houdini, {why}: the solver's model falsifies no candidate it was asked about");
            }

            dropped = true;
            progress($"Houdini{(bounded ? $" (at most {BoundedSize} members)" : string.Empty)}: {why}: {before - alive.Count} dropped, {alive.Count} left");
        }

        return dropped;
    }
}
