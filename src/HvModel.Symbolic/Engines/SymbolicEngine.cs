using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Traces;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Common frame of the Z3-based engines: one check per property, each in its own solver
/// process(es). Deadlocks are not checked by these engines (the explicit engine does).
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

    public IReadOnlyList<CheckResult> Check(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options)
    {
        options = options.StartClock();
        InitialStateCheck.Require(model, [variant]); // a solver would prove anything of no behaviour
        var results = new List<CheckResult>();
        foreach (var p in properties)
        {
            var run = new PropertyRun(Name, model, variant, p, options, SolverPath);
            if (SolverRegistry.Interruption is not null || options.Cancellation.IsCancellationRequested)
            {
                results.Add(run.Unknown(0, $"not checked: {SolverRegistry.Interruption ?? "cancelled"}"));
                continue;
            }

            if (options.Deadline is { } end && DateTime.UtcNow >= end)
            {
                results.Add(run.Unknown(0, $"not checked: the time limit is spent (--timeout {options.Timeout?.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s for the whole run)"));
                continue;
            }

            results.Add(CheckSafely(run));
        }

        return results;
    }

    /// <summary>
    /// One property's check, where a failing solver (it died, answered garbage, gave a model
    /// that is not one) or a counterexample that does not replay gives unknown with the reason:
    /// a faulty solver never makes the verdict, and never ends the whole run.
    /// </summary>
    private CheckResult CheckSafely(PropertyRun run)
    {
        try
        {
            return CheckProperty(run);
        }
        catch (SolverException e)
        {
            return run.Unknown(0, SolverRegistry.Interruption is { } why ? $"stopped: {why}" : $"the solver failed: {e.Message}");
        }
        catch (OperationCanceledException) when (run.Options.Cancellation.IsCancellationRequested)
        {
            return run.Unknown(0, SolverRegistry.Interruption is { } why ? $"stopped: {why}" : "cancelled");
        }
        catch (TraceReplayException e)
        {
            // Every path the solver gives is replayed: one that the evaluator rejects is a wrong
            // model from the solver (or an encoding bug); it is never shown as a counterexample.
            return run.Unknown(0, $"the solver's counterexample does not replay in the evaluator, so it is not reported: {e.Message}");
        }
    }

    internal abstract CheckResult CheckProperty(PropertyRun run);
}
