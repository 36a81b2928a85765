using HvModel.Core.Checking;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Bounded model checking from the initial states, one depth at a time in one solver, so the
/// first depth with a hit gives a shortest path. At each depth one query asks whether the last
/// state is bad (target or model error); only when it is, a second query tells which, so that a
/// property violation is preferred over a model error at the same depth. A reachable model error
/// is thrown as a <see cref="Core.Checking.ModelRuntimeFailure"/>, as the explicit engine does.
/// </summary>
internal sealed class BmcSearch(PropertyRun run, Z3Process solver)
{
    private readonly Unrolling path = new(run.Encoder, solver, "s");

    /// <summary>The deepest state on the path so far.</summary>
    public int Depth => path.Depth;

    /// <summary>Declares the initial states; a result when the init block fails or the solver gives up.</summary>
    public CheckResult? Start()
    {
        path.DeclareInit();
        if (path.InitError != False)
        {
            var answer = path.CheckUnder(path.InitError);
            switch (answer.Status)
            {
                case SolverStatus.Unknown:
                    return run.Unknown(0, PropertyRun.Describe(answer, 0));
                case SolverStatus.Sat:
                    path.Pop();
                    throw run.InitError();
            }
        }

        path.StartFromInit();
        return null;
    }

    /// <summary>Looks for a bad state at the current depth; a result when there is one or the solver gives up.</summary>
    public CheckResult? CheckLast()
    {
        var k = path.Depth;
        var (target, error) = path.Bad(run.Property, k);
        var any = path.CheckUnder(Or(target, error));
        switch (any.Status)
        {
            case SolverStatus.Unsat:
                return null;
            case SolverStatus.Unknown:
                return run.Unknown(k, PropertyRun.Describe(any, k));
        }

        path.Pop();
        if (target != False)
        {
            var reached = path.CheckUnder(target);
            if (reached.Status == SolverStatus.Unknown)
            {
                return run.Unknown(k, PropertyRun.Describe(reached, k));
            }

            if (reached.Status == SolverStatus.Sat)
            {
                var trace = TraceDecoder.Decode(path, k);
                path.Pop();
                return run.Reached(trace);
            }
        }

        var failing = path.CheckUnder(error);
        if (failing.Status != SolverStatus.Sat)
        {
            return run.Unknown(k, failing.Status == SolverStatus.Unknown
                ? PropertyRun.Describe(failing, k)
                : $"inconsistent solver answers at depth {k}");
        }

        var errorTrace = TraceDecoder.Decode(path, k);
        path.Pop();
        throw run.ModelError(errorTrace);
    }

    public void Extend() => path.Extend();

    /// <summary>Runs depths 0..<paramref name="maxDepth"/>; a result, or null when nothing was found.</summary>
    public CheckResult? Run(int maxDepth)
    {
        if (Start() is { } failed)
        {
            return failed;
        }

        for (var k = 0; ; k++)
        {
            run.Options.Cancellation.ThrowIfCancellationRequested();
            if (CheckLast() is { } result)
            {
                return result;
            }

            if (k >= maxDepth)
            {
                return null;
            }

            run.Progress($"depth {k + 1}");
            Extend();
        }
    }
}
