using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Bounded model checking ("bmc"): depths 0..<see cref="CheckOptions.Depth"/> in one z3 process
/// with push/pop. A hit is a shortest counterexample (or cover witness); no hit is Unknown
/// ("no counterexample up to depth N"), never Holds, since states deeper than the bound are unseen.
/// </summary>
public sealed class BmcEngine(string? solverPath = null) : SymbolicEngine(solverPath)
{
    public override string Name => "bmc";

    internal override CheckResult CheckProperty(PropertyRun run)
    {
        using var solver = run.OpenSolver("bmc");
        var search = new BmcSearch(run, solver);
        var depth = Math.Max(0, run.Options.Depth);
        return search.Run(depth) ?? run.Unknown(depth, run.Property.Kind == PropertyKind.Invariant
            ? $"no counterexample up to depth {depth}"
            : $"cover not reached up to depth {depth}");
    }
}
