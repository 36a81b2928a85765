namespace HvModel.Explicit.Compiled;

/// <summary>
/// Raised by compiled code where the interpreter would raise a model error. It carries no
/// message on purpose: the caller re-runs the interpreter on the same state, which raises the
/// exact error (text, place, action instance) through its usual path.
/// </summary>
public sealed class CompiledModelError : Exception
{
    public CompiledModelError()
        : base("model error in compiled code; re-run the interpreter for the exact error")
    {
    }

    public CompiledModelError(string message)
        : base(message)
    {
    }

    public CompiledModelError(string message, Exception inner)
        : base(message, inner)
    {
    }
}
