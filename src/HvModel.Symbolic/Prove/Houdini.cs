using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// Houdini (Flanagan and Leino): the largest subset of the candidates that is inductive, found
/// by dropping every candidate that fails initiation or consecution relative to the others and
/// repeating until nothing is dropped. One solver per action: each candidate k is asserted as
/// <c>a.k =&gt; c_k(x)</c> and <c>nb.k</c>, true only when c_k fails after the step; a round
/// asserts the live <c>a.k</c> and "some live <c>nb.k</c>", and every candidate the solver's
/// model shows false is dropped at once. The result does not depend on the order of dropping:
/// it is the greatest fixpoint. With a <see cref="BoundedUniverse"/>, the queries are ground
/// and fast, and the result a superset of the unbounded one (a counterexample with three
/// members is a counterexample).
/// </summary>
public sealed class Houdini(ParamEncoder encoder, IReadOnlyList<Candidate> candidates, Func<string, Z3Process> open, Action<string> progress)
{
    /// <summary>Why each dropped candidate was dropped ("initiation", "consecution of ACTION").</summary>
    public Dictionary<int, string> Dropped { get; } = [];

    /// <summary>Solver rounds run, for the report.</summary>
    public int Rounds { get; private set; }

    /// <summary>The members of <paramref name="start"/> that survive; throws <see cref="SolverException"/> on a solver's unknown.</summary>
    public IReadOnlyList<int> Run(IEnumerable<int> start, BoundedUniverse? universe)
    {
        var alive = new HashSet<int>(start);
        var steps = encoder.Actions.Prepend(encoder.Init).ToList();
        var solvers = new List<Z3Process>();
        var label = universe is null ? string.Empty : $" (with {string.Join(", ", universe.Sizes.Select(kv => $"{kv.Value} {kv.Key}"))})";
        try
        {
            foreach (var step in steps)
            {
                var solver = open($"houdini-{(universe is null ? string.Empty : "bounded-")}{step.Name}");
                solvers.Add(solver);
                var commands = Setup(step, alive, universe is null);
                foreach (var command in universe?.Ground(commands) ?? commands)
                {
                    solver.Send(command);
                }
            }

            // Dropping a candidate weakens every action's assumption: repeat until a whole pass drops nothing.
            var changed = true;
            while (changed)
            {
                changed = false;
                for (var a = 0; a < solvers.Count; a++)
                {
                    var why = steps[a].Action is null ? "initiation" : $"consecution of {steps[a].Name}";
                    changed |= Drain(solvers[a], alive, why, label);
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

        return [.. alive.Order()];
    }

    private IEnumerable<string> Setup(ParamStep step, HashSet<int> alive, bool witnesses)
    {
        var vocabulary = encoder.Vocabulary;
        var withPre = step.Action is not null;
        foreach (var command in vocabulary.Declarations()
            .Concat(vocabulary.StateDeclarations(step.From))
            .Concat(withPre ? vocabulary.StateRanges(step.From) : [])
            .Concat(vocabulary.StateDeclarations("y"))
            .Concat(step.Commands(vocabulary)))
        {
            yield return command;
        }

        yield return $"(assert {step.Guard})";
        yield return $"(assert {SmtTerms.Not(step.Error)})";
        foreach (var k in alive.Order())
        {
            foreach (var command in (withPre ? candidates[k].AssumeBefore(k) : []).Concat(candidates[k].ViolatedAfter(k, witnesses)))
            {
                yield return command;
            }
        }
    }

    // Drops the candidates that fail for this step until the rest pass; true when some were dropped.
    private bool Drain(Z3Process solver, HashSet<int> alive, string why, string label)
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
                throw new SolverException($"Houdini, {why}{label}: {answer.Reason}");
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
            progress($"Houdini{label}: {why}: {before - alive.Count} dropped, {alive.Count} left");
        }

        return dropped;
    }
}
