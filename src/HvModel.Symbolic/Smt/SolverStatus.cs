namespace HvModel.Symbolic.Smt;

public enum SolverStatus
{
    Sat,
    Unsat,

    /// <summary>No answer: the solver said unknown, timed out, crashed or rejected the query.</summary>
    Unknown,
}
