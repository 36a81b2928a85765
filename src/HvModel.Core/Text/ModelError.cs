namespace HvModel.Core.Text;

/// <summary>
/// A problem with the user's input (syntax, names, types, constants). Printed as
/// <c>file:line:col: error: message</c>; the CLI exits with code 2.
/// </summary>
public sealed class ModelError : Exception
{
    public ModelError(SourceSpan span, string message) : base(message)
    {
        Span = span;
    }

    public SourceSpan Span { get; }

    /// <summary>The compiler-style one-line form.</summary>
    public string Format() => Span.Line > 0 ? $"{Span}: error: {Message}" : $"{Span.File}: error: {Message}";
}
