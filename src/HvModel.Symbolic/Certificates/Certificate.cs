namespace HvModel.Symbolic.Certificates;

/// <summary>
/// The outcome of re-checking a claim (an inductive invariant, a k-induction proof) with fresh
/// solver processes: which obligations were shown unsat, and the first that was not, with why.
/// A claim counts only when <see cref="Holds"/>; otherwise the verdict is unknown.
/// </summary>
/// <param name="Subject">What was re-checked, e.g. "pdr invariant".</param>
/// <param name="Solver">The checking solvers, e.g. "z3 4.8.12" or "z3 4.8.12, cvc5 1.0.3".</param>
/// <param name="Passed">The obligations shown unsat, in order.</param>
/// <param name="Failure">Null when every obligation passed; else which one failed and why.</param>
public sealed record Certificate(string Subject, string Solver, IReadOnlyList<string> Passed, string? Failure)
{
    public bool Holds => Failure is null;

    /// <summary>
    /// What else the certificate says: the obligations the second solver could not decide (they
    /// rest on the first solver alone), the explicit evaluation of the claim on reachable states.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>One line for reports: "pdr invariant re-checked: initiation, consecution, safety (z3 4.8.12)".</summary>
    public string Describe()
    {
        var notes = Notes.Count == 0 ? string.Empty : $"; {string.Join("; ", Notes)}";
        return Holds
            ? $"{Subject} re-checked: {string.Join(", ", Passed)} ({Solver}){notes}"
            : $"{Subject} re-check failed: {Failure}{(Passed.Count > 0 ? $"; passed: {string.Join(", ", Passed)}" : string.Empty)} ({Solver}){notes}";
    }
}
