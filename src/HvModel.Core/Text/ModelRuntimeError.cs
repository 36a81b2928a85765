namespace HvModel.Core.Text;

/// <summary>
/// A model that is well-typed but does something undefined while it runs: a value assigned
/// outside its variable's range, an array index out of bounds. Engines report it with the trace
/// that reaches it; it is never silently wrapped.
/// </summary>
public sealed class ModelRuntimeError : Exception
{
    public ModelRuntimeError(SourceSpan span, string message) : base(message)
    {
        Span = span;
    }

    public SourceSpan Span { get; }

    public string Format() => $"{Span}: error: {Message}";
}
