namespace HvModel.Symbolic.Smt;

/// <summary>The answer to one <c>(check-sat)</c>; <see cref="Reason"/> says why when it is Unknown.</summary>
public sealed record SolverAnswer(SolverStatus Status, string? Reason = null)
{
    public static readonly SolverAnswer Sat = new(SolverStatus.Sat);

    public static readonly SolverAnswer Unsat = new(SolverStatus.Unsat);
}
