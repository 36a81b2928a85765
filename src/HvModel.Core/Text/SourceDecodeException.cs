namespace HvModel.Core.Text;

/// <summary>A model file whose bytes are not text: where the first bad byte is, so the error can point at it.</summary>
public sealed class SourceDecodeException(string message, int line, int column, Exception inner)
    : Exception(message, inner)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
