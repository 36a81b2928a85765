namespace HvModel.Core.Text;

/// <summary>A position in a model source: the file as the user named it, 1-based line and column.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static readonly SourceSpan None = new("<none>", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
