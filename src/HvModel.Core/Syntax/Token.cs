using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

public enum TokenKind
{
    Identifier,
    Keyword,
    Integer,
    String,
    Symbol,
    EndOfFile,
}

/// <summary>A lexeme. For strings <see cref="Text"/> is the unquoted content.</summary>
public sealed record Token(TokenKind Kind, string Text, SourceSpan Span)
{
    public bool Is(string text) => (Kind is TokenKind.Keyword or TokenKind.Symbol) && Text == text;

    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.String => $"string \"{(Text.Length > 40 ? Text[..40] + "..." : Text)}\"",
        TokenKind.Integer => $"number {Text}",
        TokenKind.Identifier => $"name '{Text}'",
        _ => $"'{Text}'",
    };
}
