using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Traces;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Common frame of the Z3-based engines: one check per variant, over its goals (the properties
/// asked for, and deadlock freedom where the model and the run check it), each engine in its
/// own solver process(es). A verdict found stays found: whatever stops the engine later (the
/// time limit, a solver that gives up or fails), the goals it had decided keep their results.
/// </summary>
public abstract class SymbolicEngine : IEngine
{
    /// <param name="solverPath">The z3 program; null for <see cref="Smt.Z3Process.DefaultExecutable"/>.</param>
    protected SymbolicEngine(string? solverPath)
    {
        SolverPath = solverPath;
    }

    public abstract string Name { get; }

    public string? SolverPath { get; }

    /// <summary>
    /// How integers are encoded for the engine's proofs; paths from the initial states are
    /// bit-vectors (measured: bench/symbolic-encoding.md). <c>HVMODEL_SMT_ENCODING</c> sets both.
    /// </summary>
    internal virtual SmtArithmetic ProofEncoding => SmtArithmetic.BitVector;

    /// <summary>Deadlock freedom is one of the goals, checked as the invariant "some action instance is enabled".</summary>
    public bool ChecksDeadlock => true;

    public IReadOnlyList<CheckResult> Check(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options)
    {
        options = options.StartClock();
        InitialStateCheck.Require(model, [variant]); // a solver would prove anything of no behaviour
        var goals = properties.Select(Goal.Of).ToList();
        if (DeadlockPolicy.Searched(model, variant, options))
        {
            goals.Add(Goal.Deadlock);
        }

        var forced = SmtArithmetic.FromEnvironment();
        var run = new VariantRun(Name, model, variant, goals, options, SolverPath, forced ?? ProofEncoding, forced ?? SmtArithmetic.BitVector);
        if (goals.Contains(Goal.Deadlock) && TooLargeForDeadlock(run.Encoder) is { } tooLarge)
        {
            run.Board.TryDecide(Goal.Deadlock, run.Unknown(Goal.Deadlock, 0, tooLarge));
        }

        if (SolverRegistry.Interruption is not null || options.Cancellation.IsCancellationRequested)
        {
            run.GiveUp(0, $"not checked: {SolverRegistry.Interruption ?? "cancelled"}");
        }
        else if (options.Deadline is { } end && DateTime.UtcNow >= end)
        {
            run.GiveUp(0, $"not checked: the time limit is spent (--timeout {options.Timeout?.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s for the whole run)");
        }
        else if (goals.Count > 0)
        {
            CheckSafely(run);
        }

        return [.. run.Board.Results.Select((r, i) => r ?? run.Unknown(goals[i], 0, "not decided (an engine bug)"))];
    }

    // Deadlock freedom spells out every action instance and choice; a model with too many gets
    // unknown for deadlock alone, before any solver runs.
    private static string? TooLargeForDeadlock(ModelEncoder encoder)
    {
        try
        {
            encoder.EncodeEnabled(ModelEncoder.StateNames("probe", 0, encoder.SlotCount), "probe");
            return null;
        }
        catch (EncodingTooLargeException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// One variant's check, where a failing solver (it died, answered garbage, gave a model
    /// that is not one) or a counterexample that does not replay gives unknown with the reason
    /// for the goals still open: a faulty solver never makes a verdict, and never ends the run.
    /// </summary>
    private void CheckSafely(VariantRun run)
    {
        try
        {
            CheckVariant(run);
        }
        catch (SolverException e)
        {
            run.GiveUp(0, SolverRegistry.Interruption is { } why ? $"stopped: {why}" : $"the solver failed: {e.Message}");
        }
        catch (OperationCanceledException) when (run.Options.Cancellation.IsCancellationRequested)
        {
            run.GiveUp(0, SolverRegistry.Interruption is { } why ? $"stopped: {why}" : "cancelled");
        }
        catch (TraceReplayException e)
        {
            // Every path the solver gives is replayed: one that the evaluator rejects is a wrong
            // model from the solver (or an encoding bug); it is never shown as a counterexample.
            run.GiveUp(0, $"the solver's counterexample does not replay in the evaluator, so it is not reported: {e.Message}");
        }
        catch (EncodingTooLargeException e)
        {
            run.GiveUp(0, e.Message);
        }
    }

    /// <summary>Decides the run's goals, writing each result on <see cref="VariantRun.Board"/> as it is found.</summary>
    internal abstract void CheckVariant(VariantRun run);
}
