using HvModel.Core.Checking;
using HvModel.Core.Ir;

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
        var results = new List<CheckResult>();
        foreach (var p in properties)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            results.Add(CheckProperty(new PropertyRun(Name, model, variant, p, options, SolverPath)));
        }

        return results;
    }

    internal abstract CheckResult CheckProperty(PropertyRun run);
}
