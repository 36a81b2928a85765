using HvModel.Core.Checking;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// A solver that holds an unrolled path is told the path encoding's logic, QF_BV: z3 then
/// bit-blasts the incremental session into its SAT solver instead of its general SMT core (bmc
/// to depth 30 on the default matrix: 245 s before, 52 s after). A term outside the logic would
/// be an error under it, so every dumped path session must re-run without one; kind's
/// certificate scripts (fresh solvers on unrolled paths) are told it too.
/// </summary>
public sealed class SolverLogicTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hvmodel-logic-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Theory]
    [InlineData("holds", "tasklet_flags.hvm")] // a flags word and the bit operators
    [InlineData("export", "arith.hvm")] // every integer operator, model errors
    [InlineData("violated", "slots.hvm")] // arrays with computed indices, any
    public void Path_sessions_declare_QF_BV_and_rerun_without_errors(string folder, string file)
    {
        var model = Repo.Load("tests", "models", folder, file);
        var options = new CheckOptions { Depth = 4, DumpSmtDirectory = dir, Timeout = TimeSpan.FromSeconds(60) };
        foreach (IEngine engine in new IEngine[] { new BmcEngine(), new KInductionEngine(), new PdrEngine() })
        {
            try
            {
                engine.Check(model, model.Variants[0], model.Properties, options);
            }
            catch (ModelRuntimeFailure)
            {
                // arith.hvm raises model errors on purpose; the sessions are dumped all the same.
            }
        }

        var paths = Directory.GetFiles(dir, "*.smt2")
            .Where(f => Path.GetFileName(f) is var name && (name.StartsWith("bmc-", StringComparison.Ordinal) || name.Contains("-bmc", StringComparison.Ordinal)
                || name.EndsWith("-base.smt2", StringComparison.Ordinal) || name.EndsWith("-step.smt2", StringComparison.Ordinal)
                || (name.StartsWith("kind-", StringComparison.Ordinal) && name.Contains("-cert-", StringComparison.Ordinal))))
            .ToList();
        if (folder == "holds")
        {
            // kind's certificates re-check unrolled paths in fresh solvers: the same logic.
            Assert.Contains(paths, f => Path.GetFileName(f).StartsWith("kind-", StringComparison.Ordinal) && f.Contains("-cert-", StringComparison.Ordinal));
        }

        Assert.Contains(paths, f => Path.GetFileName(f).StartsWith("bmc-", StringComparison.Ordinal));
        Assert.Contains(paths, f => Path.GetFileName(f).StartsWith("kind-", StringComparison.Ordinal) && f.EndsWith("-step.smt2", StringComparison.Ordinal));
        Assert.Contains(paths, f => Path.GetFileName(f).StartsWith("pdr-", StringComparison.Ordinal));
        foreach (var f in paths)
        {
            Assert.Equal("(set-logic QF_BV)", File.ReadLines(f).First());
            DumpedScript.AssertRerunsWithZ3(f);
        }
    }
}
