namespace HvModel.Symbolic.Smt;

/// <summary>The z3 executable cannot be started; the CLI turns this into exit code 3.</summary>
public sealed class Z3NotFoundException(string executable, Exception? inner = null)
    : Exception("z3 not found: run ./setup", inner)
{
    /// <summary>The program that was looked for.</summary>
    public string Executable { get; } = executable;
}
