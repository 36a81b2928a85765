using System.Globalization;
using System.Text;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>Turns model text into tokens. Comments run from <c>--</c> to the end of the line.</summary>
public static class Lexer
{
    /// <summary>The keywords that start a declaration: met inside a block, they mean an 'end' is missing.</summary>
    public static readonly IReadOnlySet<string> DeclarationKeywords = new HashSet<string>
    {
        "model", "const", "type", "enum", "var", "init", "def", "procedure", "action", "hunk", "variant", "lane", "models",
        "invariant", "lemma", "cover", "liveness", "fair", "expect", "include", "allow",
    };

    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(DeclarationKeywords)
    {
        "end", "calls", "when", "do", "deadlock",
        "if", "then", "elsif", "else", "for", "any", "where", "let", "in", "note", "skip", "forall",
        "exists", "count", "true", "false", "and", "or", "not", "bool", "scalarset", "array", "of",

        // Bit operators are words because '&' and '|' already mean the boolean 'and' and 'or'.
        "band", "bor", "bxor",
    };

    /// <summary>The longest name: names become parts of file names (counterexamples, SMT dumps).</summary>
    public const int MaxNameLength = 1000;

    // Longest first, so that ':=' wins over ':'.
    private static readonly string[] Symbols =
    [
        "<->", ":=", "..", "->", "!=", "<=", ">=", "<<", ">>", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")",
        "[", "]", "{", "}", ",", ":", ";", ".", "!", "&", "|", "?",
    ];

    // Spellings from C and its kin that the language does not have, with what to write instead.
    // Checked before the symbols, so that '==' is not read as '=' followed by a puzzling '='.
    private static readonly (string Text, string Hint)[] Habits =
    [
        ("==", "'==' is not an operator: equality is '=' (and assignment is ':=')"),
        ("&&", "'&&' is not an operator: write 'and' (or '&')"),
        ("||", "'||' is not an operator: write 'or' (or '|')"),
        ("//", "'//' does not start a comment: comments start with '--'"),
        ("/*", "'/*' does not start a comment: comments start with '--' and end with the line"),
        ("+=", "'+=' is not an operator: write 'x := x + e'"),
        ("-=", "'-=' is not an operator: write 'x := x - e'"),
        ("++", "'++' is not an operator: write 'x := x + 1'"),
        ("<>", "'<>' is not an operator: inequality is '!='"),
        ("=>", "'=>' is not an operator: implication is '->'"),
        ("^", "'^' is not an operator: bitwise exclusive or is 'bxor' (and on bools, '!=')"),
        ("~", "'~' is not an operator: boolean negation is 'not' (or '!')"),
    ];

    public static List<Token> Tokenize(string file, string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        var line = 1;
        var lineStart = 0;
        while (true)
        {
            // Skip blanks and comments.
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    i++;
                    line++;
                    lineStart = i;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    break;
                }
            }

            var span = new SourceSpan(file, line, i - lineStart + 1);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.EndOfFile, "", span));
                return tokens;
            }

            var ch = text[i];
            if (char.IsLetter(ch) || ch == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                if (i - start > MaxNameLength)
                {
                    throw new ModelError(span, $"a name of {i - start} characters: names have at most {MaxNameLength}");
                }

                var word = text[start..i];
                tokens.Add(new Token(Keywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier, word, span));
            }
            else if (char.IsAsciiDigit(ch))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                var digits = text[start..i];
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new ModelError(span, $"number {digits} is too large");
                }

                tokens.Add(new Token(TokenKind.Integer, digits, span));
            }
            else if (ch == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length || text[i] == '\n')
                    {
                        throw new ModelError(span, "unterminated string");
                    }

                    if (text[i] == '"')
                    {
                        i++;
                        break;
                    }

                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                    {
                        i++;
                    }

                    sb.Append(text[i]);
                    i++;
                }

                tokens.Add(new Token(TokenKind.String, sb.ToString(), span));
            }
            else
            {
                foreach (var (habit, hint) in Habits)
                {
                    if (string.CompareOrdinal(text, i, habit, 0, habit.Length) == 0)
                    {
                        throw new ModelError(span, hint);
                    }
                }

                var symbol = Array.Find(Symbols, s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
                if (symbol is null)
                {
                    throw new ModelError(span, char.IsControl(ch) || char.IsSurrogate(ch)
                        ? $"unexpected character U+{(int)ch:X4} (model files are text)"
                        : $"unexpected character '{ch}'");
                }

                tokens.Add(new Token(TokenKind.Symbol, symbol, span));
                i += symbol.Length;
            }
        }
    }
}
