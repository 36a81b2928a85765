using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Printing;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Unbounded proofs with Z3's Spacer ("pdr"): the model as constrained Horn clauses over one
/// predicate Inv of the state, init ⇒ Inv, Inv ∧ T ⇒ Inv', Inv ∧ Bad ⇒ false, where Bad is the
/// property's target or a model error. <c>sat</c> means an inductive invariant exists: the
/// invariant holds (a cover is unreachable). <c>unsat</c> means Bad is reachable.
/// </summary>
/// <remarks>
/// Spacer proves quickly but refutes slowly on models like the Hyper-V one, and its refutation
/// is a derivation, not a trace. So the engine is a portfolio of two solver processes: Spacer,
/// and BMC from depth 0 upwards; the first conclusive answer wins and the other is stopped.
/// A violation therefore always comes from BMC, as a shortest trace (replayed before it is
/// returned); "holds" only ever comes from Spacer's proof. When Spacer gives up (a timeout,
/// <c>unknown</c>), BMC goes on up to <c>--depth</c> before the verdict is unknown. With
/// <c>portfolio: false</c> (tests)
/// Spacer runs alone and BMC looks for the path only after Spacer refuted.
/// </remarks>
public sealed class PdrEngine(string? solverPath = null, bool portfolio = true) : SymbolicEngine(solverPath)
{
    // How deep BMC looks for the path behind a refutation before it gives up.
    private const int MaxCounterexampleDepth = 10_000;

    public override string Name => "pdr";

    internal override CheckResult CheckProperty(PropertyRun run) => portfolio ? Race(run) : Sequential(run);

    private static CheckResult Sequential(PropertyRun run)
    {
        var (answer, invariant) = Spacer(run);
        if (answer.Status != SolverStatus.Unsat)
        {
            return Proved(run, answer, invariant);
        }

        run.Progress("refuted; looking for the shortest path with bmc");
        using var bmcSolver = run.OpenSolver("trace");
        var search = new BmcSearch(run, bmcSolver);
        var depth = Math.Max(MaxCounterexampleDepth, run.Options.Depth);
        return search.Run(depth) ?? run.Unknown(depth, $"pdr refuted the property but bmc found no path up to depth {depth}");
    }

    private CheckResult Race(PropertyRun run)
    {
        using var stopSpacer = CancellationTokenSource.CreateLinkedTokenSource(run.Options.Cancellation);
        using var stopBmc = CancellationTokenSource.CreateLinkedTokenSource(run.Options.Cancellation);
        var spacerRun = run.WithCancellation(stopSpacer.Token);
        var bmcRun = run.WithCancellation(stopBmc.Token);
        var spacer = Task.Run(() => Spacer(spacerRun), CancellationToken.None);
        BmcSearch? search = null;
        var bmc = Task.Run(() =>
        {
            using var solver = bmcRun.OpenSolver("bmc");
            search = new BmcSearch(bmcRun, solver);
            return search.Run(Math.Max(MaxCounterexampleDepth, run.Options.Depth));
        }, CancellationToken.None);

        try
        {
            Task.WaitAny(spacer, bmc);
            if (bmc.IsCompletedSuccessfully && bmc.Result is { Verdict: not Verdict.Unknown } found)
            {
                // A trace: a violation, a reached cover (or a model error, thrown below).
                stopSpacer.Cancel();
                return found;
            }

            RethrowUnlessSolverFailure(bmc, stopSpacer);
            var (answer, invariant) = spacer.GetAwaiter().GetResult();
            if (answer.Status == SolverStatus.Unsat)
            {
                // Reachable: the BMC half will find the path; wait for it.
                run.Progress("refuted; waiting for bmc's shortest path");
                bmc.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
                RethrowUnlessSolverFailure(bmc, stopSpacer);
                return bmc.IsCompletedSuccessfully && bmc.Result is { } path
                    ? path
                    : run.Unknown(0, $"pdr refuted the property but bmc found no path{BmcFailure(bmc)}");
            }

            if (answer.Status == SolverStatus.Unknown)
            {
                // Spacer gave up: BMC may still find a violation; give it up to --depth.
                run.Progress("spacer gave up; bmc goes on up to --depth");
                while (!bmc.IsCompleted && (search?.Depth ?? 0) <= run.Options.Depth)
                {
                    bmc.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromMilliseconds(100));
                }

                if (bmc.IsCompletedSuccessfully && bmc.Result is { Verdict: not Verdict.Unknown } late)
                {
                    return late;
                }

                RethrowUnlessSolverFailure(bmc, stopSpacer);
                stopBmc.Cancel();
                var depth = Math.Min(search?.Depth ?? 0, run.Options.Depth);
                return run.Unknown(depth, $"pdr: {answer.Reason}; bmc found no counterexample up to depth {depth}{BmcFailure(bmc)}");
            }

            stopBmc.Cancel();
            return Proved(run, answer, invariant);
        }
        finally
        {
            stopSpacer.Cancel();
            stopBmc.Cancel();
            Quietly(spacer);
            Quietly(bmc);
        }
    }

    // A failure of the BMC half that is the solver's (it died, answered garbage) leaves the
    // verdict to Spacer's certified proof; any other failure (a model error, a trace that does
    // not replay) ends the check.
    private static void RethrowUnlessSolverFailure(Task bmc, CancellationTokenSource stopSpacer)
    {
        if (bmc.IsFaulted && bmc.Exception!.InnerException is not (OperationCanceledException or SolverException))
        {
            stopSpacer.Cancel();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(bmc.Exception.InnerException!).Throw();
        }
    }

    private static string BmcFailure(Task<CheckResult?> bmc) =>
        bmc.IsFaulted && bmc.Exception!.InnerException is SolverException e ? $" (bmc's solver failed: {e.Message})"
        : bmc.IsCompletedSuccessfully && bmc.Result is { Verdict: Verdict.Unknown, Reason: { } why } ? $" (bmc: {why})"
        : string.Empty;

    private static void Quietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // The losing half was cancelled, or failed after the winner answered.
        }
    }

    /// <summary>
    /// The verdict from Spacer's answer: a proof counts only once its invariant passes the
    /// certificate, re-checked by fresh solver processes; otherwise the verdict is unknown.
    /// </summary>
    private static CheckResult Proved(PropertyRun run, SolverAnswer answer, InductiveInvariant? invariant)
    {
        if (answer.Status == SolverStatus.Unknown || invariant is null)
        {
            return run.Unknown(0, $"pdr: {answer.Reason}");
        }

        var certificate = run.Certify("pdr invariant", InvariantObligations.For(new HornSystem(run.Encoder, run.Property), invariant), run.ExplicitCheck(invariant));
        if (!certificate.Holds)
        {
            return run.Unknown(0, $"pdr: the invariant certificate failed: {certificate.Failure}") with { Certificate = certificate.Describe() };
        }

        var verdict = run.Property.Kind == PropertyKind.Invariant ? Verdict.Holds : Verdict.Violated;
        var reason = run.Options.ShowInvariant ? $"inductive invariant: {Display(run.Model, invariant)}" : null;
        return run.Result(verdict, 0, reason) with { Certificate = certificate.Describe() };
    }

    /// <summary>
    /// Spacer's answer, with the invariant of its model when it says sat (always asked: a proof
    /// rests on it). A solver that dies or gives no invariant makes the answer unknown.
    /// </summary>
    private static (SolverAnswer Answer, InductiveInvariant? Invariant) Spacer(PropertyRun run)
    {
        var horn = new HornSystem(run.Encoder, run.Property);
        try
        {
            using var solver = run.OpenSolver("horn");
            solver.Send("(set-logic HORN)");
            foreach (var clause in Clauses(horn))
            {
                solver.Send(clause);
            }

            var answer = solver.CheckSat();
            if (answer.Status != SolverStatus.Sat)
            {
                return (answer, null);
            }

            return (answer, InductiveInvariant.FromModel(solver.Query("(get-model)"), horn.Sorts));
        }
        catch (SolverException e)
        {
            return (new SolverAnswer(SolverStatus.Unknown, $"the solver gave no usable invariant: {e.Message}"), null);
        }
    }

    /// <summary>The Horn clauses, as SMT-LIB commands.</summary>
    internal static IEnumerable<string> Clauses(PropertyRun run) => Clauses(new HornSystem(run.Encoder, run.Property));

    private static IEnumerable<string> Clauses(HornSystem horn)
    {
        yield return $"(declare-fun Inv ({string.Join(' ', horn.Sorts)}) Bool)";
        yield return Rule(horn.InitVars, And(horn.InitAssertions.Concat(horn.InitRanges)), Inv(horn.InitState));
        if (horn.InitError != False)
        {
            yield return Rule(horn.InitVars, And(horn.InitAssertions.Append(horn.InitError)), False);
        }

        yield return Rule([.. horn.StateVars, .. horn.NextVars, .. horn.StepVars], And(horn.Transition.Prepend(Inv(horn.State))), Inv(horn.Next));
        yield return Rule([.. horn.StateVars, .. horn.StepVars], And(horn.Bad.Prepend(Inv(horn.State))), False);
    }

    private static string Inv(IReadOnlyList<string> args) => InductiveInvariant.Apply(args);

    private static string Rule(IReadOnlyList<(string Name, string Sort)> vars, string body, string head)
    {
        var implication = Implies(body, head);
        return vars.Count == 0
            ? $"(assert {implication})"
            : $"(assert (forall ({string.Join(' ', vars.Select(v => $"({v.Name} {v.Sort})"))}) {implication}))";
    }

    /// <summary>The body of Inv in the model's syntax (its parameters are the state slots).</summary>
    internal static string Display(Model model, InductiveInvariant invariant) =>
        new ModelSyntaxPrinter(SolverVocabulary.ForSlots(model, invariant.Parameters)).Print(invariant.Body);
}
