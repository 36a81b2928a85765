using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// The questions asked once Houdini has found its inductive set S: does S imply a property,
/// can a model error happen from a state of S, and which members of S does a proof need (its
/// support: unsat cores, closed under consecution, so that the support alone is inductive and
/// is what the report prints). One solver for the states, one per action, kept for all
/// questions; member k of S is assumed through a named literal <c>a.k</c>.
/// </summary>
public sealed class ProveQueries : IDisposable
{
    private readonly ParamEncoder encoder;
    private readonly IReadOnlyList<Candidate> candidates;
    private readonly IReadOnlyList<int> alive;
    private readonly Func<string, Z3Process> open;
    private readonly Dictionary<int, HashSet<int>> seeds = [];
    private readonly Dictionary<int, IReadOnlyList<int>> supports = [];
    private Z3Process? stateSolver;
    private List<Z3Process>? actionSolvers;

    public ProveQueries(ParamEncoder encoder, IReadOnlyList<Candidate> candidates, IReadOnlyList<int> alive, Func<string, Z3Process> open)
    {
        this.encoder = encoder;
        this.candidates = candidates;
        this.alive = alive;
        this.open = open;
    }

    /// <summary>Whether S implies the candidate (and no model error in evaluating it); remembers the core.</summary>
    public bool Implies(int index)
    {
        var solver = StateSolver();
        var c = candidates[index];
        var answer = Ask(solver, Or(Not(c.Term("x")), c.Error("x")), "implication of " + c.Name);
        if (answer is null)
        {
            return false;
        }

        seeds[index] = answer;
        return true;
    }

    /// <summary>Null when no model error can happen in a step from S (or in init); else which step may raise one.</summary>
    public string? PossibleModelError()
    {
        using (var init = open("prove-init-error"))
        {
            var vocabulary = encoder.Vocabulary;
            foreach (var command in vocabulary.Declarations().Concat(vocabulary.StateDeclarations("z")).Concat(vocabulary.StateDeclarations("y")).Concat(encoder.Init.Commands(vocabulary)))
            {
                init.Send(command);
            }

            init.Assert(encoder.Init.Error);
            var answer = init.CheckSat();
            if (answer.Status == SolverStatus.Sat)
            {
                return "the init block may raise a model error at some size";
            }

            if (answer.Status != SolverStatus.Unsat)
            {
                throw new SolverException($"model errors of init: {answer.Reason}");
            }
        }

        var solvers = ActionSolvers();
        for (var a = 0; a < solvers.Count; a++)
        {
            if (Ask(solvers[a], encoder.Actions[a].Error, $"model errors of {encoder.Actions[a].Name}") is null)
            {
                return $"a model error may happen in {encoder.Actions[a].Name} from a state of the invariant";
            }
        }

        return null;
    }

    /// <summary>The union of the supports of <paramref name="proved"/>, in candidate order.</summary>
    public IReadOnlyList<int> Support(IReadOnlyList<int> proved) =>
        [.. proved.SelectMany(SupportOf).Distinct().Order()];

    /// <summary>The members of S a proof of candidate <paramref name="index"/> needs: an inductive subset that implies it.</summary>
    public IReadOnlyList<int> SupportOf(int index)
    {
        if (supports.TryGetValue(index, out var known))
        {
            return known;
        }

        var needed = new HashSet<int>(seeds.TryGetValue(index, out var s) ? s : [index]);
        var solvers = ActionSolvers();
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var a = 0; a < solvers.Count; a++)
            {
                var violated = Or(needed.Order().Select(k => $"nb.{k}"));
                var core = Ask(solvers[a], And(Not(encoder.Actions[a].Error), violated), $"support in {encoder.Actions[a].Name}")
                    ?? throw new SolverException($"the inductive set is not inductive for {encoder.Actions[a].Name} (a solver fault)");
                foreach (var k in core.Where(needed.Add))
                {
                    changed = true;
                }
            }
        }

        var result = needed.Order().ToList();
        supports[index] = result;
        return result;
    }

    // The core (members of S) when 'query' is unsat under S; null when sat; throws on unknown.
    private HashSet<int>? Ask(Z3Process solver, string query, string what)
    {
        solver.Send("(push 1)");
        foreach (var k in alive)
        {
            solver.Send($"(assert (! a.{k} :named n.{k}))");
        }

        solver.Assert(query);
        var answer = solver.CheckSat();
        try
        {
            switch (answer.Status)
            {
                case SolverStatus.Sat:
                    return null;
                case SolverStatus.Unsat:
                    var core = Sexp.Parse(solver.Query("(get-unsat-core)"));
                    return [.. core.Items.Select(i => i.Atom).OfType<string>().Where(n => n.StartsWith("n.", StringComparison.Ordinal))
                        .Select(n => int.Parse(n[2..], System.Globalization.CultureInfo.InvariantCulture))];
                default:
                    throw new SolverException($"{what}: {answer.Reason}");
            }
        }
        finally
        {
            solver.Send("(pop 1)");
        }
    }

    private Z3Process StateSolver()
    {
        if (stateSolver is null)
        {
            stateSolver = open("prove-state");
            var vocabulary = encoder.Vocabulary;
            stateSolver.Send("(set-option :smt.core.minimize true)");
            foreach (var command in vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x")))
            {
                stateSolver.Send(command);
            }

            Assume(stateSolver, post: false);
        }

        return stateSolver;
    }

    private List<Z3Process> ActionSolvers()
    {
        if (actionSolvers is null)
        {
            actionSolvers = [];
            var vocabulary = encoder.Vocabulary;
            foreach (var step in encoder.Actions)
            {
                var solver = open($"prove-{step.Name}");
                actionSolvers.Add(solver);
                solver.Send("(set-option :smt.core.minimize true)");
                foreach (var command in vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x"))
                    .Concat(vocabulary.StateDeclarations("y")).Concat(step.Commands(vocabulary)))
                {
                    solver.Send(command);
                }

                solver.Assert(step.Guard);
                Assume(solver, post: true);
            }
        }

        return actionSolvers;
    }

    private void Assume(Z3Process solver, bool post)
    {
        foreach (var k in alive)
        {
            foreach (var command in candidates[k].AssumeBefore(k).Concat(post ? candidates[k].ViolatedAfter(k) : []))
            {
                solver.Send(command);
            }
        }
    }

    public void Dispose()
    {
        stateSolver?.Dispose();
        foreach (var s in actionSolvers ?? [])
        {
            s.Dispose();
        }
    }
}
