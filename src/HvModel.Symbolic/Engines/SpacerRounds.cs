using HvModel.Core.Checking;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Spacer's share of a pdr run. First one call on every open goal at once: a single invariant
/// that excludes all their bad states is often found far faster than one per goal, since the
/// goals support one another (the flagship's v3: 5 s at once, 45 s one by one). When a goal is
/// decided meanwhile (bmc found its path), the call starts again without it. When that call
/// cannot prove them all (some goal is reachable, or its share of the time, a quarter of the
/// time left, ran out), one call per open goal follows, in rounds. Without a time limit one
/// round runs each call to its end. With one, each call gets a slice of the time left (the
/// time left halved, shared among the goals still to be asked in the round), and the goals
/// whose slice ran out are asked again in the next round, with the time then left: no goal
/// starves the others, and an easy goal is decided in the first round. A goal decided by the
/// other half meanwhile is skipped, and a call on it is stopped.
/// </summary>
internal sealed class SpacerRounds(VariantRun run, Action checkOtherHalf)
{
    private readonly object gate = new();
    private IReadOnlyList<Goal> current = [];
    private CancellationTokenSource? stopCurrent;

    /// <summary>Goals Spacer showed reachable: their paths are BMC's to find.</summary>
    public HashSet<Goal> Refuted { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Goals Spacer could not decide, with why (the last answer).</summary>
    public Dictionary<Goal, string> GaveUp { get; } = new(ReferenceEqualityComparer.Instance);

    public void Run()
    {
        run.Board.Decided += StopIfCurrent;
        try
        {
            AllAtOnce();
            var retry = new List<Goal>();
            for (var round = 1; ; round++)
            {
                var goals = run.Board.Open.Where(g => !Refuted.Contains(g) && (round == 1 || retry.Contains(g))).ToList();
                retry.Clear();
                for (var i = 0; i < goals.Count; i++)
                {
                    var goal = goals[i];
                    checkOtherHalf();
                    run.Options.Cancellation.ThrowIfCancellationRequested();
                    if (!run.Board.IsOpen(goal))
                    {
                        continue;
                    }

                    var slice = Slice(goals.Count - i);
                    run.Progress($"spacer on {goal.Name}{(round > 1 ? $", round {round}" : string.Empty)}");
                    if (Ask(goal, slice) is { } why)
                    {
                        GaveUp[goal] = why;
                        if (slice is { } s && DateTime.UtcNow >= s && !OutOfTime())
                        {
                            retry.Add(goal);
                        }
                    }
                }

                if (retry.Count == 0 || OutOfTime())
                {
                    return;
                }
            }
        }
        finally
        {
            run.Board.Decided -= StopIfCurrent;
        }
    }

    /// <summary>
    /// The call on every open goal at once, started again without the goals decided while it
    /// runs; it ends when it proved them all, or when it cannot (a goal is reachable, its share
    /// of the time ran out), and leaves the rest to the calls one goal at a time. One goal left
    /// is that call already.
    /// </summary>
    private void AllAtOnce()
    {
        while (true)
        {
            checkOtherHalf();
            var goals = run.Board.Open.Where(g => !Refuted.Contains(g)).ToList();
            if (goals.Count < 2 || OutOfTime())
            {
                return;
            }

            run.Progress($"spacer on {goals.Count} goals at once");
            // A quarter of the time left: the calls one goal at a time keep the rest.
            var (answer, invariant, horn, stopped) = Ask(goals, Slice(2));
            if (answer.Status == SolverStatus.Sat && invariant is not null)
            {
                // A certificate that fails leaves every goal to its own call and its own certificate.
                var certificate = Certify(goals, horn, invariant);
                if (certificate.Holds)
                {
                    Decide(goals, certificate, invariant);
                }

                return;
            }

            // Stopped because bmc decided one of the goals: the others are asked again, alone.
            if (!stopped || run.Options.Cancellation.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One Spacer call on <paramref name="goal"/>; why it gave up, or null when it decided or refuted the goal.</summary>
    private string? Ask(Goal goal, DateTime? slice)
    {
        if (!run.Board.IsOpen(goal))
        {
            return null;
        }

        var (answer, invariant, horn, _) = Ask([goal], slice);
        switch (answer.Status)
        {
            case SolverStatus.Unsat:
                Refuted.Add(goal);
                return null;
            case SolverStatus.Sat when invariant is not null:
                Proved(goal, horn, invariant);
                return null;
            default:
                return answer.Reason ?? "unknown";
        }
    }

    /// <summary>One Spacer call, stopped when one of <paramref name="goals"/> is decided meanwhile (then Stopped is true).</summary>
    private (SolverAnswer Answer, InductiveInvariant? Invariant, HornSystem Horn, bool Stopped) Ask(IReadOnlyList<Goal> goals, DateTime? slice)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.Options.Cancellation);
        lock (gate)
        {
            current = goals;
            stopCurrent = stop;
        }

        try
        {
            var (answer, invariant, horn) = SpacerCall.Run(run, goals, slice, stop.Token);
            return (answer, invariant, horn, stop.IsCancellationRequested);
        }
        finally
        {
            lock (gate)
            {
                current = [];
                stopCurrent = null;
            }
        }
    }

    /// <summary>
    /// A proof counts only once its invariant passes the certificate, re-checked by fresh solver
    /// processes; otherwise the goal stays undecided, with the failure as the reason.
    /// </summary>
    private void Proved(Goal goal, HornSystem horn, InductiveInvariant invariant)
    {
        var certificate = Certify([goal], horn, invariant);
        if (certificate.Holds)
        {
            Decide([goal], certificate, invariant);
        }
        else
        {
            run.Board.TryDecide(goal, run.Unknown(goal, 0, $"pdr: the invariant certificate failed: {certificate.Failure}") with { Certificate = certificate.Describe() });
        }
    }

    /// <summary>One invariant for several goals is re-checked once: initiation, consecution, and each goal's safety.</summary>
    private Certificate Certify(IReadOnlyList<Goal> goals, HornSystem horn, InductiveInvariant invariant) =>
        run.Certify(goals, goals.Count == 1 ? "pdr invariant" : $"pdr invariant of {goals.Count} goals", InvariantObligations.For(horn, invariant), run.ExplicitCheck(invariant));

    private void Decide(IReadOnlyList<Goal> goals, Certificate certificate, InductiveInvariant invariant)
    {
        var reason = run.Options.ShowInvariant ? $"inductive invariant: {SpacerCall.Display(run.Model, invariant)}" : null;
        foreach (var goal in goals)
        {
            run.Board.TryDecide(goal, run.Result(goal, goal.WhenUnreachable, 0, reason) with { Certificate = certificate.Describe() });
        }
    }

    private void StopIfCurrent(Goal goal)
    {
        lock (gate)
        {
            if (current.Contains(goal, ReferenceEqualityComparer.Instance))
            {
                stopCurrent?.Cancel();
            }
        }
    }

    private DateTime? Slice(int goalsLeft) =>
        run.Options.Deadline is { } end ? DateTime.UtcNow + ((end - DateTime.UtcNow) / (2 * Math.Max(1, goalsLeft))) : null;

    private bool OutOfTime() => run.Options.Deadline is { } end && DateTime.UtcNow >= end - TimeSpan.FromMilliseconds(200);
}
