using System.Text;
using HvModel.Core.Ir;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Printing;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// One Spacer query: the Horn clauses of one or more goals in a fresh solver process, its
/// answer, and for a <c>sat</c> answer the invariant of its model (always asked: a proof rests
/// on it), one invariant that excludes every goal's bad states. <c>unsat</c> says that some
/// goal's target is reachable, not which. A solver that dies, is stopped or gives no invariant
/// makes the answer unknown.
/// </summary>
internal static class SpacerCall
{
    public static (SolverAnswer Answer, InductiveInvariant? Invariant, HornSystem Horn) Run(VariantRun run, IReadOnlyList<Goal> goals, DateTime? slice, CancellationToken cancellation)
    {
        var horn = new HornSystem(run.Encoder, goals);
        try
        {
            using var solver = run.OpenSolver(goals.Count == 1 ? $"horn-{goals[0].Name}" : "horn-joint", cancellation);
            solver.Send("(set-logic HORN)");
            foreach (var clause in Clauses(horn))
            {
                solver.Send(clause);
            }

            var answer = solver.CheckSatAssuming([], slice);
            if (answer.Status != SolverStatus.Sat)
            {
                return (answer, null, horn);
            }

            return (answer, InductiveInvariant.FromModel(solver.Query("(get-model)"), horn.Sorts), horn);
        }
        catch (SolverException e)
        {
            return (new SolverAnswer(SolverStatus.Unknown, $"the solver gave no usable invariant: {e.Message}"), null, horn);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return (new SolverAnswer(SolverStatus.Unknown, "stopped"), null, horn);
        }
    }

    /// <summary>The Horn clauses, as SMT-LIB commands.</summary>
    public static IEnumerable<string> Clauses(HornSystem horn)
    {
        yield return $"(declare-fun Inv ({string.Join(' ', horn.Sorts)}) Bool)";
        yield return Rule(horn.InitVars, And(horn.InitAssertions.Concat(horn.InitRanges)), Inv(horn.InitState));
        if (horn.InitError != False)
        {
            yield return Rule(horn.InitVars, And(horn.InitAssertions.Append(horn.InitError)), False);
        }

        yield return Rule([.. horn.StateVars, .. horn.NextVars, .. horn.StepVars], And(horn.Transition.Prepend(Inv(horn.State))), Inv(horn.Next));
        foreach (var query in horn.Queries)
        {
            yield return Rule([.. horn.StateVars, .. query.Vars], And(query.Conjuncts.Prepend(Inv(horn.State))), False);
        }
    }

    private static string Inv(IReadOnlyList<string> args) => InductiveInvariant.Apply(args);

    private static string Rule(IReadOnlyList<(string Name, string Sort)> vars, string body, string head)
    {
        var implication = Implies(body, head);
        return vars.Count == 0
            ? $"(assert {implication})"
            : $"(assert (forall ({string.Join(' ', vars.Select(v => $"({v.Name} {v.Sort})"))}) {implication}))";
    }

    /// <summary>The body of Inv in the model's syntax (its parameters are the state slots): the one printer of solver terms.</summary>
    public static string Display(Model model, InductiveInvariant invariant) =>
        new ModelSyntaxPrinter(SolverVocabulary.ForSlots(model, invariant.Parameters)).Print(invariant.Body);
}
