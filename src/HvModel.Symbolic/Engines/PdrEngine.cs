using System.Runtime.ExceptionServices;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Unbounded proofs with Z3's Spacer ("pdr"): each goal as constrained Horn clauses over one
/// predicate Inv of the state, init ⇒ Inv, Inv ∧ T ⇒ Inv', Inv ∧ Bad ⇒ false, where Bad is the
/// goal's target or a model error. <c>sat</c> means an inductive invariant exists: the
/// invariant holds (a cover is unreachable, no state deadlocks). <c>unsat</c> means Bad is reachable.
/// </summary>
/// <remarks>
/// Spacer proves quickly but refutes slowly on models like the Hyper-V one, and its refutation
/// is a derivation, not a trace. So the engine is a portfolio: one BMC over every goal of the
/// variant (<see cref="BmcSearch"/>) runs beside Spacer's calls, one goal at a time; whichever
/// decides a goal first wins, and a Spacer call on a goal BMC has decided is stopped. A
/// violation therefore always comes from BMC, as a shortest trace (replayed before it is
/// returned); "holds" only ever comes from Spacer's certified proof. With a time limit each
/// Spacer call gets a slice of the time left (half of it shared among the goals of the
/// round), and the goals whose slice ran out get another, longer turn in the next round. With
/// <c>portfolio: false</c> (tests) Spacer runs alone and BMC looks for the paths only after
/// Spacer refuted.
/// </remarks>
public sealed class PdrEngine(string? solverPath = null, bool portfolio = true) : SymbolicEngine(solverPath)
{
    // How deep BMC looks for the path behind a refutation before it gives up.
    private const int MaxCounterexampleDepth = 10_000;

    public override string Name => "pdr";

    /// <summary>Spacer reasons in linear integer arithmetic: bounded Ints (see bench/symbolic-encoding.md).</summary>
    internal override SmtArithmetic ProofEncoding => SmtArithmetic.Int;

    internal override void CheckVariant(VariantRun run)
    {
        if (!portfolio)
        {
            Sequential(run);
            return;
        }

        using var stopBmc = CancellationTokenSource.CreateLinkedTokenSource(run.Options.Cancellation);
        BmcSearch? search = null;
        var bmc = Task.Run(
            () =>
            {
                using var solver = run.OpenPathSolver("bmc", run.PathEncoder, stopBmc.Token);
                search = new BmcSearch(run, solver);
                return search.Run(Math.Max(MaxCounterexampleDepth, run.Options.Depth), stopBmc.Token);
            },
            CancellationToken.None);
        try
        {
            var spacer = new SpacerRounds(run, () => RethrowUnlessSolverFailure(bmc));
            spacer.Run();

            // Refuted goals wait for BMC's path; goals Spacer gave up on get BMC up to --depth.
            while (!bmc.IsCompleted)
            {
                var open = run.Board.Open;
                var waitForPath = open.Any(spacer.Refuted.Contains);
                var deepEnough = (search?.Depth ?? 0) >= run.Options.Depth;
                if (open.Count == 0 || (!waitForPath && deepEnough) || OutOfTime(run))
                {
                    break;
                }

                bmc.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromMilliseconds(100));
            }

            stopBmc.Cancel();
            Quietly(bmc);
            RethrowUnlessSolverFailure(bmc);
            var depth = Math.Min(search?.Depth ?? 0, run.Options.Depth);
            foreach (var goal in run.Board.Open)
            {
                var reason = spacer.Refuted.Contains(goal)
                    ? $"pdr refuted it but bmc found no path up to depth {search?.Depth ?? 0}{BmcFailure(bmc)}"
                    : $"pdr: {spacer.GaveUp.GetValueOrDefault(goal, "not finished")}; bmc found no counterexample up to depth {depth}{BmcFailure(bmc)}";
                run.Board.TryDecide(goal, run.Unknown(goal, depth, reason));
            }
        }
        finally
        {
            stopBmc.Cancel();
            Quietly(bmc);
        }
    }

    private static void Sequential(VariantRun run)
    {
        var spacer = new SpacerRounds(run, () => { });
        spacer.Run();
        foreach (var goal in run.Board.Open.Where(g => !spacer.Refuted.Contains(g)))
        {
            run.Board.TryDecide(goal, run.Unknown(goal, 0, $"pdr: {spacer.GaveUp.GetValueOrDefault(goal, "not finished")}"));
        }

        if (run.Board.Open.Count == 0)
        {
            return;
        }

        run.Progress("refuted; looking for the shortest paths with bmc");
        using var solver = run.OpenPathSolver("trace", run.PathEncoder);
        var search = new BmcSearch(run, solver);
        var depth = Math.Max(MaxCounterexampleDepth, run.Options.Depth);
        var stopped = search.Run(depth, run.Options.Cancellation);
        run.GiveUp(search.Depth, $"pdr refuted it but bmc found no path up to depth {search.Depth}{(stopped is null ? string.Empty : $" ({stopped})")}");
    }

    // A failure of the BMC half that is the solver's (it died, answered garbage) leaves the
    // verdicts to Spacer's certified proofs; any other failure (a model error, a trace that does
    // not replay) ends the check.
    private static void RethrowUnlessSolverFailure(Task bmc)
    {
        if (bmc.IsFaulted && bmc.Exception!.InnerException is not (OperationCanceledException or SolverException))
        {
            ExceptionDispatchInfo.Capture(bmc.Exception.InnerException!).Throw();
        }
    }

    private static string BmcFailure(Task<string?> bmc) =>
        bmc.IsFaulted && bmc.Exception!.InnerException is SolverException e ? $" (bmc's solver failed: {e.Message})"
        : bmc.IsCompletedSuccessfully && bmc.Result is { } why ? $" (bmc: {why})"
        : string.Empty;

    private static bool OutOfTime(VariantRun run) => run.Options.Deadline is { } end && DateTime.UtcNow >= end;

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

    /// <summary>The body of Inv, with its parameters renamed to the slots they stand for.</summary>
    internal static string Display(Model model, InductiveInvariant invariant) => SpacerCall.Display(model, invariant);
}
