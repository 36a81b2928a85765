using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// Re-checks proof obligations, each in a fresh solver process that has seen nothing of the
/// search that produced the claim: a solver that crashed, lied in its model or kept state
/// from the search cannot vouch for its own answer that way. Stops at the first obligation
/// that is not unsat (sat: the claim is wrong; unknown: not re-checked). Any engine's claim
/// goes through here: pdr's invariant, k-induction's base and step cases, prove's lemmas.
/// </summary>
/// <remarks>
/// With a <see cref="Second"/> solver (cvc5), every obligation z3 passed is re-checked by it too:
/// sat from it fails the certificate; unknown is noted, the obligation then resting on z3.
/// State checks (<see cref="StateCheck"/>) are checks that need no solver, run after the obligations: the
/// explicit engine's evaluation of the claim on every reachable state, for one.
/// </remarks>
/// <param name="open">Starts a fresh solver process for the named obligation.</param>
/// <param name="solver">The checking solver's name for reports, e.g. "z3 4.8.12".</param>
public sealed class CertificateChecker(Func<string, Z3Process> open, string solver)
{
    /// <summary>The second solver, or null for z3 alone.</summary>
    public SecondSolver? Second { get; init; }

    /// <summary>Why no second solver re-checks these obligations (a note in the certificate), when it was left out on purpose.</summary>
    public string? SecondLeftOut { get; init; }

    /// <summary>When the run's time is up (the second solver's limit); null for none.</summary>
    public DateTime? Deadline { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// The least time the second solver gets on an obligation, however fast z3 was (2 s). A test
    /// whose z3 is a fake that answers at once sets more: on a loaded machine cvc5 may take
    /// longer than 2 s even on a small obligation.
    /// </summary>
    public TimeSpan SecondMinimum { get; init; } = DefaultSecondMinimum;

    /// <summary>The default of <see cref="SecondMinimum"/>.</summary>
    public static readonly TimeSpan DefaultSecondMinimum = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the second solver may take on an obligation, given z3's time on it: where cvc5
    /// is many times slower than z3 (large unrolled k-induction cases over bit-vectors), it does
    /// not decide the obligation, which the certificate notes, instead of spending the run's time.
    /// </summary>
    public TimeSpan SecondBudget(TimeSpan firstTime) => TimeSpan.FromTicks(Math.Max(SecondMinimum.Ticks, 4 * firstTime.Ticks));

    public Certificate Check(string subject, IEnumerable<ProofObligation> obligations, IReadOnlyList<StateCheck>? stateChecks = null)
    {
        var passed = new List<string>();
        var notes = new List<string>();
        if (Second is null && SecondLeftOut is not null)
        {
            notes.Add(SecondLeftOut);
        }

        var solvers = Second is null ? solver : $"{solver}, {Second.Name}";
        foreach (var o in obligations)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var answer = First(o);
            var firstTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            switch (answer.Status)
            {
                case SolverStatus.Unsat:
                    break;
                case SolverStatus.Sat:
                    return new Certificate(subject, solvers, passed, $"{o.Name} fails (the solver finds a counterexample to it)") { Notes = notes };
                default:
                    return new Certificate(subject, solvers, passed, $"{o.Name} not re-checked: {answer.Reason}") { Notes = notes };
            }

            if (Second is not null)
            {
                var second = Second.Check(o, Deadline, Cancellation, SecondBudget(firstTime));
                if (second.Status == SolverStatus.Sat)
                {
                    return new Certificate(subject, solvers, passed, $"{o.Name} fails ({Second.Name} finds a counterexample to it)") { Notes = notes };
                }

                if (second.Status != SolverStatus.Unsat)
                {
                    notes.Add($"{Second.Name} did not decide {o.Name} ({second.Reason})");
                }
            }

            passed.Add(o.Name);
        }

        foreach (var check in stateChecks ?? [])
        {
            var (failure, note) = check.Run();
            if (failure is not null)
            {
                return new Certificate(subject, solvers, passed, $"{check.Name} fails: {failure}") { Notes = notes };
            }

            notes.Add(note);
        }

        return new Certificate(subject, solvers, passed, null) { Notes = notes };
    }

    private SolverAnswer First(ProofObligation o) => o.CheckIn(() => open(o.Name));
}

/// <summary>
/// A check of a claim that needs no solver, e.g. the explicit engine evaluating a claimed
/// invariant on every reachable state. <see cref="Run"/> returns the failure (null when it
/// passed) and, when it passed, a note for the report ("explicit: holds in 1,315 reachable states").
/// </summary>
public sealed record StateCheck(string Name, Func<(string? Failure, string Note)> Run);
