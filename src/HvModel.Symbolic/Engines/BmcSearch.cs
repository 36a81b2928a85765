using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Bounded model checking from the initial states for every open goal of a variant at once:
/// one unrolling, deepened one step at a time, so the first depth at which a goal's target is
/// hit gives its shortest path, and no goal waits for another. At each depth one query asks
/// whether any open goal's target or any model error is there; only when one is, each goal is
/// asked in turn, then the model error, so that a goal hit at a depth is preferred over a
/// model error at the same depth. Every query found unsat is kept as a fact for the deeper
/// ones. A reachable model error is thrown as a <see cref="Core.Checking.ModelRuntimeFailure"/>,
/// as the explicit engine does, when some goal is still open.
/// </summary>
/// <remarks>
/// With <c>threshold</c>, every new state is asserted distinct from the earlier ones, under a
/// literal that only the loop-free question assumes, and after each extension the
/// path alone is checked: when no loop-free path from the initial states reaches the new depth,
/// every reachable state was seen, and the goals still open are decided as unreachable. That
/// completeness threshold comes from the solver, never from another engine; each such verdict
/// is certified by fresh solver processes. The loop-free question is asked within the time the
/// depth's own queries took (at least a second): on a model whose loop-free paths are long it
/// stays satisfiable and grows hard (the flagship's pre at depth 28: 27 s, against 0.3 s for the
/// depth), and once it runs out of that time the threshold is given up for the rest of the run.
/// </remarks>
internal sealed class BmcSearch(VariantRun run, Z3Process solver, bool threshold = false)
{
    private readonly Unrolling path = new(run.PathEncoder, solver, "s");
    private readonly System.Diagnostics.Stopwatch depthWatch = new();
    private bool thresholdOn = threshold;

    // The simple-path condition holds under this literal, assumed by the loop-free question
    // alone: the targets' queries do not carry its k² clauses (a shortest path to a target is
    // loop-free anyway), which made them slower by up to five times as the threshold went on.
    private string? loopFree;

    /// <summary>The deepest state on the path so far.</summary>
    public int Depth => path.Depth;

    public Unrolling Path => path;

    /// <summary>Declares the initial states; why it stopped when the solver gives up (a failing init block is thrown).</summary>
    public string? Start()
    {
        path.DeclareInit();
        var answer = path.CheckAssuming(path.InitError, learn: true);
        switch (answer.Status)
        {
            case SolverStatus.Unknown:
                return VariantRun.Describe(answer, 0);
            case SolverStatus.Sat:
                throw run.InitError();
        }

        path.StartFromInit();
        return null;
    }

    /// <summary>
    /// Looks for the targets of the open goals at the current depth and writes every hit on the
    /// board; why it stopped when the solver gives up (the goals it did not decide stay open).
    /// </summary>
    public string? CheckLast()
    {
        var k = path.Depth;
        var open = run.Board.Open;
        if (open.Count == 0)
        {
            return null;
        }

        var targets = open.Select(g => (Goal: g, Parts: path.Target(g, k, errorFree: true))).ToList();
        var errors = Or(targets.Select(t => t.Parts.Error).Prepend(path.StepError(k)));
        var any = path.CheckAssuming(Or(targets.Select(t => t.Parts.Target).Append(errors)), learn: true);
        switch (any.Status)
        {
            case SolverStatus.Unsat:
                return null;
            case SolverStatus.Unknown:
                return VariantRun.Describe(any, k);
        }

        foreach (var (goal, (target, _)) in targets)
        {
            var reached = path.CheckAssuming(target, learn: true);
            if (reached.Status == SolverStatus.Sat && goal.IsDeadlock)
            {
                reached = ConfirmDeadlock(goal, target, k);
            }

            if (reached.Status == SolverStatus.Unknown)
            {
                return VariantRun.Describe(reached, k);
            }

            if (reached.Status == SolverStatus.Sat)
            {
                run.Board.TryDecide(goal, run.Reached(goal, TraceDecoder.Decode(path, k)));
            }
        }

        var stillOpen = targets.Where(t => run.Board.IsOpen(t.Goal)).ToList();
        if (stillOpen.Count == 0)
        {
            return null;
        }

        // The errors of every goal open when this depth began, those just decided included, as
        // the explicit engine evaluates them on the whole level: which goal a state at this depth
        // decides first must not decide whether its error counts.
        var error = Or(targets.Select(t => t.Parts.Error).Prepend(path.StepError(k)));
        var failing = path.CheckAssuming(error, learn: true);
        return failing.Status switch
        {
            SolverStatus.Sat => throw run.ModelError(TraceDecoder.Decode(path, k), targets.Select(t => t.Goal)),
            SolverStatus.Unknown => VariantRun.Describe(failing, k),
            _ => null,
        };
    }

    /// <summary>
    /// A state at depth <paramref name="k"/> where no action instance has an outcome is a
    /// deadlock when no instance can fail there; when one can at this depth, the exact target
    /// (with every instance's errors) decides. The last query answered gives the trace.
    /// </summary>
    private SolverAnswer ConfirmDeadlock(Goal goal, string errorFree, int k)
    {
        var fails = path.CheckAssuming(path.StepError(k), learn: true);
        return fails.Status switch
        {
            SolverStatus.Unknown => fails,
            SolverStatus.Sat => path.CheckAssuming(path.Target(goal, k).Target, learn: true),
            _ => path.CheckAssuming(errorFree, learn: true),
        };
    }

    public void Extend()
    {
        path.Extend();
        if (thresholdOn)
        {
            loopFree ??= path.FreeLiteral();
            path.AssertDistinctFromEarlier(loopFree);
        }
    }

    /// <summary>
    /// After <see cref="Extend"/> (with the threshold on): when no loop-free path reaches the new
    /// depth, decides every open goal as unreachable and returns true.
    /// </summary>
    public bool Complete()
    {
        var k = path.Depth - 1;
        run.Progress($"bmc depth {k + 1}: is there a loop-free path this long?");
        var budget = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, depthWatch.Elapsed.Ticks));
        var answer = path.CheckAssuming(True, learn: false, [loopFree!], DateTime.UtcNow + budget);
        if (answer.Status != SolverStatus.Unsat)
        {
            thresholdOn &= answer.Status == SolverStatus.Sat;
            return false;
        }

        foreach (var goal in run.Board.Open)
        {
            var certificate = run.Certify(goal, "completeness threshold", Certificates.KInductionObligations.ForThreshold(run.PathEncoder, goal, k), unrolled: true);
            var result = certificate.Holds
                ? run.Result(goal, goal.WhenUnreachable, k, $"complete at depth {k}: no loop-free path from the initial states is longer")
                : run.Unknown(goal, k, $"the completeness threshold at depth {k} was not confirmed: {certificate.Failure}");
            run.Board.TryDecide(goal, result with { Certificate = certificate.Describe() });
        }

        return true;
    }

    /// <summary>
    /// Runs depths up to <paramref name="maxDepth"/> while some goal is open; why it stopped
    /// early (the solver gave up), or null.
    /// </summary>
    public string? Run(int maxDepth, CancellationToken cancellation)
    {
        if (Start() is { } failed)
        {
            return failed;
        }

        for (var k = 0; ; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            depthWatch.Restart();
            if (CheckLast() is { } stopped)
            {
                return stopped;
            }

            if (k >= maxDepth || run.Board.Open.Count == 0)
            {
                return null;
            }

            run.Progress($"bmc depth {k + 1}, {run.Board.Open.Count} open");
            var thresholdWanted = thresholdOn;
            Extend();
            if (thresholdWanted && Complete())
            {
                return null;
            }
        }
    }
}
