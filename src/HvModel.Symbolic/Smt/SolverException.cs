namespace HvModel.Symbolic.Smt;

/// <summary>The solver process failed in a way that leaves no answer to give (it died or stopped talking).</summary>
public sealed class SolverException(string message) : Exception(message);
