using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Spacer's share of a pdr run. First one call on many open goals at once: a single invariant
/// that excludes all their bad states is often found far faster than one per goal, since the
/// goals support one another (the flagship's v3: 5 s at once, 45 s one by one). The joint call
/// leaves out deadlock, whose query (no action instance enabled) spells out every instance's
/// guard and costs more than all the others (v3 at 4x4: 140 s with it, 17.5 s without); when
/// it answers that some goal is reachable, it is asked again on the invariants alone, since the
/// covers are meant to be reachable. When a goal is decided meanwhile (bmc found its path), the
/// call starts again without it. Every certified invariant is kept: a goal whose bad states it
/// already excludes (deadlock, mostly) is decided by that one query and the invariant's
/// certificate, before any call of its own. The goals left get one call each, in rounds.
/// Without a time limit one round runs each call to its end. With one, each call gets a slice
/// of the time left (the time left halved, shared among the goals still to be asked in the
/// round), and the goals whose slice ran out are asked again in the next round, with the time
/// then left: no goal starves the others, and an easy goal is decided in the first round. A
/// goal decided by the other half meanwhile is skipped, and a call on it is stopped.
/// </summary>
internal sealed class SpacerRounds(VariantRun run, Action checkOtherHalf)
{
    private readonly object gate = new();
    private IReadOnlyList<Goal> current = [];
    private CancellationTokenSource? stopCurrent;

    // The certified invariants found so far, each a proof that its bad states are unreachable.
    private readonly List<InductiveInvariant> proven = [];

    // The goals each proved invariant was already asked about (by position in the list).
    private readonly HashSet<(Goal Goal, int Invariant)> askedImplied = [];

    /// <summary>Goals Spacer showed reachable: their paths are BMC's to find.</summary>
    public HashSet<Goal> Refuted { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Goals Spacer could not decide, with why (the last answer).</summary>
    public Dictionary<Goal, string> GaveUp { get; } = new(ReferenceEqualityComparer.Instance);

    public void Run()
    {
        run.Board.Decided += StopIfCurrent;
        try
        {
            AllAtOnce(g => !g.IsDeadlock);
            DecideImplied();
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
                    if (!run.Board.IsOpen(goal) || Implied(goal))
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
    /// The call on the open goals that <paramref name="joins"/> picks, started again without
    /// the goals decided while it runs; when some goal is reachable, once more on the invariants
    /// alone. It ends when it proved them all, or when it cannot (a goal is reachable, its share
    /// of the time ran out), and leaves the rest to the calls one goal at a time. One goal left
    /// is that call already.
    /// </summary>
    private void AllAtOnce(Func<Goal, bool> joins)
    {
        while (true)
        {
            checkOtherHalf();
            var goals = run.Board.Open.Where(g => !Refuted.Contains(g) && joins(g)).ToList();
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

            if (answer.Status == SolverStatus.Unsat && goals.Any(g => g.Kind == PropertyKind.Cover))
            {
                AllAtOnce(g => joins(g) && g.Kind == PropertyKind.Invariant);
                return;
            }

            // Stopped because bmc decided one of the goals: the others are asked again, alone.
            if (!stopped || run.Options.Cancellation.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Decides every open goal that an invariant proved so far already settles.</summary>
    private void DecideImplied()
    {
        foreach (var goal in run.Board.Open.Where(g => !Refuted.Contains(g)).ToList())
        {
            Implied(goal);
        }
    }

    /// <summary>
    /// Whether a certified invariant excludes <paramref name="goal"/>'s bad states (one query
    /// each, its safety obligation); if so, the goal is decided by that invariant's certificate.
    /// </summary>
    private bool Implied(Goal goal)
    {
        if (proven.Count == 0 || OutOfTime())
        {
            return false;
        }

        HornSystem? horn = null;
        for (var i = 0; i < proven.Count; i++)
        {
            var invariant = proven[i];
            if (!askedImplied.Add((goal, i)))
            {
                continue;
            }

            checkOtherHalf();
            if (!run.Board.IsOpen(goal))
            {
                return true;
            }

            run.Progress($"{goal.Name}: does a proved invariant exclude it?");
            horn ??= new HornSystem(run.Encoder, [goal]);
            var safety = InvariantObligations.Safety(horn, invariant).Single();
            if (safety.CheckIn(() => run.OpenSolver($"implied-{goal.Name}"), Slice(2)).Status == SolverStatus.Unsat)
            {
                var certificate = Certify([goal], horn, invariant);
                if (certificate.Holds)
                {
                    Decide([goal], certificate, invariant);
                    return true;
                }
            }
        }

        return false;
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
        proven.Add(invariant);
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
