using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
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

            if (bmc.IsFaulted && bmc.Exception!.InnerException is not OperationCanceledException)
            {
                stopSpacer.Cancel();
                throw bmc.Exception.InnerException!;
            }

            var (answer, invariant) = spacer.GetAwaiter().GetResult();
            if (answer.Status == SolverStatus.Unsat)
            {
                // Reachable: the BMC half will find the path; wait for it.
                run.Progress("refuted; waiting for bmc's shortest path");
                var path = bmc.GetAwaiter().GetResult();
                return path ?? run.Unknown(0, "pdr refuted the property but bmc found no path");
            }

            if (answer.Status == SolverStatus.Unknown)
            {
                // Spacer gave up: BMC may still find a violation; give it up to --depth.
                run.Progress("spacer gave up; bmc goes on up to --depth");
                while (!bmc.Wait(TimeSpan.FromMilliseconds(100)) && (search?.Depth ?? 0) <= run.Options.Depth)
                {
                }

                if (bmc.IsCompletedSuccessfully && bmc.Result is { Verdict: not Verdict.Unknown } late)
                {
                    return late;
                }

                if (bmc.IsFaulted && bmc.Exception!.InnerException is not OperationCanceledException)
                {
                    throw bmc.Exception.InnerException!;
                }

                stopBmc.Cancel();
                return run.Unknown(Math.Min(search?.Depth ?? 0, run.Options.Depth), $"pdr: {answer.Reason}; bmc found no counterexample up to depth {Math.Min(search?.Depth ?? 0, run.Options.Depth)}");
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

    private static CheckResult Proved(PropertyRun run, SolverAnswer answer, string? invariant)
    {
        if (answer.Status == SolverStatus.Unknown)
        {
            return run.Unknown(0, $"pdr: {answer.Reason}");
        }

        var verdict = run.Property.Kind == PropertyKind.Invariant ? Verdict.Holds : Verdict.Violated;
        return run.Result(verdict, 0, invariant is null ? null : $"inductive invariant: {invariant}");
    }

    private static (SolverAnswer Answer, string? Invariant) Spacer(PropertyRun run)
    {
        using var solver = run.OpenSolver("horn");
        solver.Send("(set-logic HORN)");
        foreach (var clause in Clauses(run))
        {
            solver.Send(clause);
        }

        var answer = solver.CheckSat();
        var invariant = answer.Status == SolverStatus.Sat && run.Options.ShowInvariant
            ? ReadInvariant(run.Model, solver.Query("(get-model)"))
            : null;
        return (answer, invariant);
    }

    /// <summary>The Horn clauses, as SMT-LIB commands.</summary>
    internal static IEnumerable<string> Clauses(PropertyRun run)
    {
        var encoder = run.Encoder;
        var n = encoder.SlotCount;
        var x = ModelEncoder.StateNames("x", 0, n);
        var y = ModelEncoder.StateNames("y", 0, n);
        var sorts = Enumerable.Range(0, n).Select(encoder.SlotSort).ToArray();
        yield return $"(declare-fun Inv ({string.Join(' ', sorts)}) Bool)";

        var init = encoder.EncodeInit("i");
        var initBody = And(init.Fragment.Assertions.Concat(Enumerable.Range(0, n).Select(j => encoder.SlotRange(j, init.State[j]))));
        yield return Rule(init.Fragment.Declarations, initBody, Inv(init.State));
        if (init.Error != False)
        {
            yield return Rule(init.Fragment.Declarations, And(init.Fragment.Assertions.Append(init.Error)), False);
        }

        var step = encoder.EncodeStep(x, "t");
        var states = x.Select((name, j) => (name, sorts[j])).ToList();
        var next = y.Select((name, j) => (name, sorts[j])).ToList();
        var transition = new List<string> { Inv(x) };
        transition.AddRange(step.Fragment.Assertions);
        transition.AddRange(step.Transition);
        for (var j = 0; j < n; j++)
        {
            transition.Add(Eq(y[j], step.Next[j]));
            transition.Add(encoder.SlotRange(j, y[j]));
        }

        yield return Rule([.. states, .. next, .. step.Fragment.Declarations], And(transition), Inv(y));

        var (target, error) = encoder.EncodeTarget(run.Property, x);
        var bad = And(step.Fragment.Assertions.Prepend(Inv(x)).Append(Or(target, error, step.Error)));
        yield return Rule([.. states, .. step.Fragment.Declarations], bad, False);
    }

    private static string Inv(IReadOnlyList<string> args) => args.Count == 0 ? "Inv" : $"(Inv {string.Join(' ', args)})";

    private static string Rule(IReadOnlyList<(string Name, string Sort)> vars, string body, string head)
    {
        var implication = Implies(body, head);
        return vars.Count == 0
            ? $"(assert {implication})"
            : $"(assert (forall ({string.Join(' ', vars.Select(v => $"({v.Name} {v.Sort})"))}) {implication}))";
    }

    /// <summary>The body of Inv in the solver's model, with its parameters renamed to the slots they stand for.</summary>
    internal static string ReadInvariant(Model model, string modelText)
    {
        var root = Sexp.Parse(modelText);
        var items = root.Items.Count > 0 && root.Items[0].Atom == "model" ? root.Items.Skip(1) : root.Items;
        foreach (var def in items)
        {
            if (def.Items.Count == 5 && def.Items[0].Atom == "define-fun" && def.Items[1].Atom == "Inv")
            {
                var names = new Dictionary<string, string>();
                for (var i = 0; i < def.Items[2].Items.Count; i++)
                {
                    names[def.Items[2].Items[i].Items[0].Atom!] = model.Slots[i].Name;
                }

                var text = new StringBuilder();
                Render(def.Items[4], names, text);
                return text.ToString();
            }
        }

        return "true";
    }

    private static void Render(Sexp e, Dictionary<string, string> names, StringBuilder text)
    {
        if (e.Atom is { } a)
        {
            text.Append(names.TryGetValue(a, out var n) ? n : a);
            return;
        }

        text.Append('(');
        for (var i = 0; i < e.Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            Render(e.Items[i], names, text);
        }

        text.Append(')');
    }
}
