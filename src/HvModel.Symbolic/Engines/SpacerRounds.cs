using HvModel.Core.Checking;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Spacer's share of a pdr run: one call per open goal, in rounds. Without a time limit one
/// round runs each call to its end. With one, each call gets a slice of the time left (the
/// time left halved, shared among the goals still to be asked in the round), and the goals
/// whose slice ran out are asked again in the next round, with the time then left: no goal
/// starves the others, and an easy goal is decided in the first round. A goal decided by the
/// other half meanwhile is skipped, and a call on it is stopped.
/// </summary>
internal sealed class SpacerRounds(VariantRun run, Action checkOtherHalf)
{
    private readonly object gate = new();
    private Goal? current;
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

    /// <summary>One Spacer call on <paramref name="goal"/>; why it gave up, or null when it decided or refuted the goal.</summary>
    private string? Ask(Goal goal, DateTime? slice)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.Options.Cancellation);
        lock (gate)
        {
            current = goal;
            stopCurrent = stop;
        }

        try
        {
            if (!run.Board.IsOpen(goal))
            {
                return null;
            }

            var (answer, invariant, horn) = SpacerCall.Run(run, goal, slice, stop.Token);
            switch (answer.Status)
            {
                case SolverStatus.Unsat:
                    Refuted.Add(goal);
                    return null;
                case SolverStatus.Sat when invariant is not null:
                    return Proved(goal, horn, invariant);
                default:
                    return answer.Reason ?? "unknown";
            }
        }
        finally
        {
            lock (gate)
            {
                current = null;
                stopCurrent = null;
            }
        }
    }

    /// <summary>
    /// A proof counts only once its invariant passes the certificate, re-checked by fresh solver
    /// processes; otherwise the goal stays undecided, with the failure as the reason.
    /// </summary>
    private string? Proved(Goal goal, HornSystem horn, InductiveInvariant invariant)
    {
        var certificate = run.Certify(goal, "pdr invariant", InvariantObligations.For(horn, invariant), run.ExplicitCheck(invariant));
        if (!certificate.Holds)
        {
            run.Board.TryDecide(goal, run.Unknown(goal, 0, $"pdr: the invariant certificate failed: {certificate.Failure}") with { Certificate = certificate.Describe() });
            return null;
        }

        var reason = run.Options.ShowInvariant ? $"inductive invariant: {SpacerCall.Display(run.Model, invariant)}" : null;
        run.Board.TryDecide(goal, run.Result(goal, goal.WhenUnreachable, 0, reason) with { Certificate = certificate.Describe() });
        return null;
    }

    private void StopIfCurrent(Goal goal)
    {
        lock (gate)
        {
            if (ReferenceEquals(goal, current))
            {
                stopCurrent?.Cancel();
            }
        }
    }

    private DateTime? Slice(int goalsLeft) =>
        run.Options.Deadline is { } end ? DateTime.UtcNow + ((end - DateTime.UtcNow) / (2 * Math.Max(1, goalsLeft))) : null;

    private bool OutOfTime() => run.Options.Deadline is { } end && DateTime.UtcNow >= end - TimeSpan.FromMilliseconds(200);
}
