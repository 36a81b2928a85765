using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// One formula that must be unsatisfiable for a claim to stand, as a self-contained SMT-LIB
/// script (definitions, declarations, assertions; no <c>check-sat</c>): the negation of
/// initiation, consecution or safety of an invariant, of a k-induction base or step case, or of
/// a quantified lemma. Self-contained so that any fresh solver process, z3 or another, re-checks it.
/// </summary>
/// <param name="Name">What it shows, as reports name it: "initiation", "consecution", "safety", "base k=3".</param>
/// <param name="Script">The commands, one per item.</param>
public sealed record ProofObligation(string Name, IReadOnlyList<string> Script)
{
    /// <summary>
    /// The answer of a fresh z3 process from <paramref name="open"/> to this script, within
    /// <paramref name="callDeadline"/> when given; a solver that fails answers unknown.
    /// </summary>
    public SolverAnswer CheckIn(Func<Z3Process> open, DateTime? callDeadline = null)
    {
        try
        {
            using var solver = open();
            foreach (var command in Script)
            {
                solver.Send(command);
            }

            return solver.CheckSatAssuming([], callDeadline);
        }
        catch (SolverException e)
        {
            return new SolverAnswer(SolverStatus.Unknown, e.Message);
        }
    }
}
