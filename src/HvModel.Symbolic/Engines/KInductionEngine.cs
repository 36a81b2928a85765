using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// k-induction ("kind") with the simple-path strengthening. For k = 0, 1, ...: the base case is
/// BMC at depth k from the initial states (a hit is a shortest counterexample); the step asks
/// whether k+1 pairwise distinct states, linked by transitions, can be good for k states and
/// bad at the last. Unsat proves the property (an invariant holds, a cover is unreachable),
/// since the base cases cover every shorter path. "Bad" includes model errors, so a proof also
/// shows that no model error is reachable.
/// </summary>
public sealed class KInductionEngine(string? solverPath = null) : SymbolicEngine(solverPath)
{
    public override string Name => "kind";

    internal override CheckResult CheckProperty(PropertyRun run)
    {
        using var baseSolver = run.OpenSolver("base");
        using var stepSolver = run.OpenSolver("step");
        var bmc = new BmcSearch(run, baseSolver);
        if (bmc.Start() is { } failed)
        {
            return failed;
        }

        var induction = new Unrolling(run.Encoder, stepSolver, "u");
        induction.StartAnywhere();
        var maxDepth = Math.Max(0, run.Options.Depth);
        for (var k = 0; k <= maxDepth; k++)
        {
            run.Options.Cancellation.ThrowIfCancellationRequested();
            if (bmc.CheckLast() is { } found)
            {
                return found;
            }

            var (target, error) = induction.Bad(run.Property, k);
            var bad = Or(target, error);
            var step = induction.CheckUnder(bad);
            switch (step.Status)
            {
                case SolverStatus.Unsat:
                {
                    var verdict = run.Property.Kind == PropertyKind.Invariant ? Verdict.Holds : Verdict.Violated;
                    return run.Result(verdict, k, $"proved by {k}-induction");
                }

                case SolverStatus.Unknown:
                    return run.Unknown(k, $"induction step: {PropertyRun.Describe(step, k)}");
            }

            induction.Pop();
            if (k == maxDepth)
            {
                break;
            }

            run.Progress($"k = {k + 1}");
            stepSolver.Assert(Not(bad));
            induction.Extend();
            induction.AssertDistinctFromEarlier();
            bmc.Extend();
        }

        return run.Unknown(maxDepth, $"not proved by k-induction up to k = {maxDepth}; no counterexample up to depth {maxDepth}");
    }
}
