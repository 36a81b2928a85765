using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Bounded model checking ("bmc"): depths 0..<see cref="CheckOptions.Depth"/> in one z3 process
/// for every goal of the variant together. A hit is a shortest counterexample (or cover
/// witness). Holds only by a completeness threshold: when the solver shows that no loop-free
/// path from the initial states is longer than the current depth (see <see cref="BmcSearch"/>);
/// otherwise no hit is Unknown ("no counterexample up to depth N"), since deeper states are unseen.
/// </summary>
public sealed class BmcEngine(string? solverPath = null) : SymbolicEngine(solverPath)
{
    public override string Name => "bmc";

    internal override void CheckVariant(VariantRun run)
    {
        using var solver = run.OpenPathSolver("bmc", run.PathEncoder);
        var search = new BmcSearch(run, solver, threshold: true);
        var depth = Math.Max(0, run.Options.Depth);
        if (search.Run(depth, run.Options.Cancellation) is { } stopped)
        {
            run.GiveUp(search.Depth, stopped);
            return;
        }

        foreach (var g in run.Board.Open)
        {
            run.Board.TryDecide(g, run.Unknown(g, depth, g.Kind == PropertyKind.Invariant
                ? $"no counterexample up to depth {depth}"
                : $"cover not reached up to depth {depth}"));
        }
    }
}
