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

    private readonly BoundedUniverse? universe;

    /// <param name="encoder">The model's steps.</param>
    /// <param name="candidates">All candidates.</param>
    /// <param name="alive">The inductive set S, as indices into <paramref name="candidates"/>.</param>
    /// <param name="open">Starts a solver.</param>
    /// <param name="universe">Ask in this bounded universe (ground queries), or for every size when null.</param>
    public ProveQueries(ParamEncoder encoder, IReadOnlyList<Candidate> candidates, IReadOnlyList<int> alive, Func<string, Z3Process> open, BoundedUniverse? universe = null)
    {
        this.universe = universe;
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

    /// <summary>The members of S that the last implication of candidate <paramref name="index"/> used (its unsat core; itself when it is in S).</summary>
    public IEnumerable<int> Seeds(int index) => seeds.TryGetValue(index, out var s) ? s : alive.Contains(index) ? [index] : [];

    /// <summary>Null when no model error can happen in a step from S (or in init); else which step may raise one.</summary>
    public string? PossibleModelError()
    {
        using (var init = open("prove-init-error"))
        {
            var vocabulary = encoder.Vocabulary;
            Send(init, vocabulary.Declarations().Concat(vocabulary.StateDeclarations("z")).Concat(vocabulary.StateDeclarations("y"))
                .Concat(encoder.Init.Commands(vocabulary)).Append($"(assert {encoder.Init.Error})"));
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

        foreach (var command in universe?.GroundOne($"(assert {query})") ?? [$"(assert {query})"])
        {
            solver.Send(command);
        }

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
            MinimizeCores(stateSolver);
            Send(stateSolver, vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x")).Concat(Assumptions(post: false)));
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
                MinimizeCores(solver);
                Send(solver, vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x"))
                    .Concat(vocabulary.StateDeclarations("y")).Concat(step.Commands(vocabulary)).Append($"(assert {step.Guard})").Concat(Assumptions(post: true)));
            }
        }

        return actionSolvers;
    }

    // Minimal cores make smaller supports; only ground (bounded) queries afford them: with
    // quantifiers, minimizing a core re-solves the query many times over.
    private void MinimizeCores(Z3Process solver)
    {
        if (universe is not null)
        {
            solver.Send("(set-option :smt.core.minimize true)");
        }
    }

    private IEnumerable<string> Assumptions(bool post) =>
        alive.SelectMany(k => candidates[k].AssumeBefore(k).Concat(post ? candidates[k].ViolatedAfter(k, universe is null) : []));

    private void Send(Z3Process solver, IEnumerable<string> commands)
    {
        foreach (var command in universe?.Ground(commands) ?? commands)
        {
            solver.Send(command);
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
