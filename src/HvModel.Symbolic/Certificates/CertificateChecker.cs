using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// Re-checks proof obligations, each in a fresh solver process that has seen nothing of the
/// search that produced the claim: a solver that crashed, lied in its model or kept state
/// from the search cannot vouch for its own answer that way. Stops at the first obligation
/// that is not unsat (sat: the claim is wrong; unknown: not re-checked).
/// </summary>
/// <remarks>
/// Issue 16 extends this: k-induction's base and step cases and prove's quantified lemmas are
/// more obligations; a second solver (cvc5) is another <c>open</c> function and name.
/// </remarks>
/// <param name="open">Starts a fresh solver process for the named obligation.</param>
/// <param name="solver">The checking solver's name for reports, e.g. "z3 4.8.12".</param>
public sealed class CertificateChecker(Func<string, Z3Process> open, string solver)
{
    public Certificate Check(string subject, IEnumerable<ProofObligation> obligations)
    {
        var passed = new List<string>();
        foreach (var o in obligations)
        {
            SolverAnswer answer;
            try
            {
                using var process = open(o.Name);
                foreach (var command in o.Script)
                {
                    process.Send(command);
                }

                answer = process.CheckSat();
            }
            catch (SolverException e)
            {
                answer = new SolverAnswer(SolverStatus.Unknown, e.Message);
            }

            switch (answer.Status)
            {
                case SolverStatus.Unsat:
                    passed.Add(o.Name);
                    break;
                case SolverStatus.Sat:
                    return new Certificate(subject, solver, passed, $"{o.Name} fails (the solver finds a counterexample to it)");
                default:
                    return new Certificate(subject, solver, passed, $"{o.Name} not re-checked: {answer.Reason}");
            }
        }

        return new Certificate(subject, solver, passed, null);
    }
}
