using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>
/// Recursive-descent parser for one model file. The grammar is documented in the README;
/// each method below is named after the construct it reads. Semicolons between statements
/// are optional.
/// </summary>
public sealed partial class Parser
{
    private readonly List<Token> tokens;
    private int pos;

    private Parser(List<Token> tokens)
    {
        this.tokens = tokens;
    }

    public static List<DeclSyntax> ParseFile(string file, string text) =>
        new Parser(Lexer.Tokenize(file, text)).File();

    /// <summary>Parses a lone expression (constant overrides, tests).</summary>
    public static ExprSyntax ParseExpression(string file, string text)
    {
        var p = new Parser(Lexer.Tokenize(file, text));
        var e = p.Expression();
        p.Expect(TokenKind.EndOfFile);
        return e;
    }

    private Token Current => tokens[pos];

    private Token Peek(int ahead = 1) => tokens[Math.Min(pos + ahead, tokens.Count - 1)];

    private Token Advance()
    {
        var t = tokens[pos];
        if (pos < tokens.Count - 1)
        {
            pos++;
        }

        return t;
    }

    private bool Accept(string text)
    {
        if (Current.Is(text))
        {
            pos++;
            return true;
        }

        return false;
    }

    private Token Expect(string text)
    {
        if (!Current.Is(text))
        {
            throw Error($"expected '{text}' but found {Current.Describe()}");
        }

        return Advance();
    }

    private Token Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            var what = kind switch
            {
                TokenKind.Identifier => "a name",
                TokenKind.String => "a string",
                TokenKind.Integer => "a number",
                TokenKind.EndOfFile => "end of file",
                _ => kind.ToString(),
            };
            throw Error($"expected {what} but found {Current.Describe()}");
        }

        return Advance();
    }

    private ModelError Error(string message) => new(Current.Span, message);

    private List<DeclSyntax> File()
    {
        var decls = new List<DeclSyntax>();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            decls.Add(Declaration());
            Accept(";");
        }

        return decls;
    }
}
