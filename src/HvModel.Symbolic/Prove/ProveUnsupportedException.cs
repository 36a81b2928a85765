using HvModel.Core.Text;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// A construct that has no translation for every size (a count over a scalarset, a member
/// named by number, a loop whose iterations depend on each other's order). Prove then gives
/// unknown with this reason: the model may be right, the method cannot say.
/// </summary>
public sealed class ProveUnsupportedException(string message, SourceSpan? span = null) : Exception(message)
{
    public SourceSpan? Span { get; } = span;

    /// <summary>The message with where it applies, when known.</summary>
    public string Describe() => Span is { Line: > 0 } s ? $"{s}: {Message}" : Message;
}
