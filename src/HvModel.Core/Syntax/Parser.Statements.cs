using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>The parser's statements: assignments, if, for, any, let, note and calls of procedures.</summary>
public sealed partial class Parser
{
    private static readonly HashSet<string> BlockEnds = ["end", "else", "elsif"];

    // Statements of C that the language does not have, where a statement is expected.
    private static readonly Dictionary<string, string> CHabitStatements = new()
    {
        ["return"] = "'return' is not a statement: an action runs to its end; put what follows in an 'if' (or the condition in the action's 'when')",
        ["break"] = "'break' is not a statement: a 'for' runs over every value; test the condition in its body",
        ["continue"] = "'continue' is not a statement: a 'for' runs over every value; test the condition in its body",
    };

    // Keywords that start a declaration: met inside a block, they mean an 'end' is missing.
    private static readonly IReadOnlySet<string> DeclarationStarts = Lexer.DeclarationKeywords;

    // The blocks being read, innermost on top, so that a missing 'end' names its block.
    private readonly Stack<(string Construct, Token Opener)> openBlocks = new();

    // The last block closed by an 'end' indented left of the block's own keyword: when an 'end'
    // turns out to be missing further down, this is the likely culprit.
    private (string Construct, Token Opener, Token End)? misaligned;

    // The last 'else if' read (the 'else' token), for the hint when an 'end' turns out missing.
    private Token? lastElseIf;

    /// <summary>The statements of a block that <paramref name="opener"/> starts, up to and including its 'end'.</summary>
    private List<StmtSyntax> Block(string construct, Token opener)
    {
        OpenBlock(construct, opener);
        var body = Statements();
        CloseBlock();
        return body;
    }

    private void OpenBlock(string construct, Token opener) => openBlocks.Push((construct, opener));

    private void CloseBlock()
    {
        if (!Current.Is("end"))
        {
            throw Unclosed();
        }

        var (construct, opener) = openBlocks.Pop();
        var end = Current;
        var startsLine = pos == 0 || tokens[pos - 1].Span.Line < end.Span.Line;
        if (startsLine && end.Span.Column < opener.Span.Column && end.Span.File == opener.Span.File)
        {
            misaligned = (construct, opener, end);
        }
        else if (openBlocks.Count == 0)
        {
            // A declaration closed where it should be: an earlier misalignment was harmless.
            misaligned = null;
        }

        Advance();
    }

    /// <summary>The error for a block that reaches <see cref="Current"/> without its 'end'.</summary>
    private ModelError Unclosed()
    {
        var (construct, opener) = openBlocks.Peek();
        var found = $"{Current.Describe()} at line {Current.Span.Line}";
        if (misaligned is { } m && m.Opener.Span.Line > opener.Span.Line)
        {
            return new ModelError(m.Opener.Span, $"'{m.Construct}' without an 'end' of its own? The 'end' at line {m.End.Span.Line} closes it, and the '{construct}' at line {opener.Span.Line} then has no 'end' before {found}{ElseIfHint(opener)}");
        }

        return new ModelError(opener.Span, $"'{construct}' has no 'end': found {found}{ElseIfHint(opener)}");
    }

    // C's 'else if' is legal here, but it opens an 'if' that needs an 'end' of its own: the
    // likely cause of a missing 'end' when one was written inside the unclosed block.
    private string ElseIfHint(Token unclosed) =>
        lastElseIf is { } e && (e.Span.Line, e.Span.Column).CompareTo((unclosed.Span.Line, unclosed.Span.Column)) >= 0
            ? $"; the 'else if' at line {e.Span.Line} opens a new 'if' inside the 'else', which needs its own 'end': write 'elsif'"
            : "";

    private List<StmtSyntax> Statements()
    {
        var list = new List<StmtSyntax>();
        while (!(Current.Kind == TokenKind.Keyword && BlockEnds.Contains(Current.Text)) && Current.Kind != TokenKind.EndOfFile)
        {
            list.Add(Statement());
            while (Accept(";"))
            {
            }
        }

        return list;
    }

    private StmtSyntax Statement()
    {
        if (++nesting > MaxNesting)
        {
            throw Error($"statement nested more than {MaxNesting} levels deep");
        }

        try
        {
            return StatementBody();
        }
        finally
        {
            nesting--;
        }
    }

    private StmtSyntax StatementBody()
    {
        var t = Current;
        if (t.Is("if") && pos > 0 && tokens[pos - 1].Is("else") && tokens[pos - 1].Span.Line == t.Span.Line)
        {
            lastElseIf = tokens[pos - 1];
        }

        if (Accept("if"))
        {
            OpenBlock("if", t);
            var arms = new List<(ExprSyntax, IReadOnlyList<StmtSyntax>)>();
            var cond = Expression();
            Expect("then");
            arms.Add((cond, Statements()));
            while (Accept("elsif"))
            {
                // Each 'elsif' is an 'if' inside the previous one's else: it nests a level.
                if (nesting + arms.Count > MaxNesting)
                {
                    throw Error($"statement nested more than {MaxNesting} levels deep (each 'elsif' of an 'if' is a level)");
                }

                cond = Expression();
                Expect("then");
                arms.Add((cond, Statements()));
            }

            IReadOnlyList<StmtSyntax> otherwise = Accept("else") ? Statements() : [];
            CloseBlock();
            return new IfSyntax(arms, otherwise, t.Span);
        }

        if (Accept("for"))
        {
            var name = Expect(TokenKind.Identifier).Text;
            Expect(":");
            var type = Type();
            Expect("do");
            var body = Block("for", t);
            return new ForSyntax(name, type, body, t.Span);
        }

        if (Accept("any"))
        {
            var name = Expect(TokenKind.Identifier).Text;
            Expect(":");
            var type = Type();
            var where = Accept("where") ? Expression() : null;
            Expect("do");
            var body = Block("any", t);
            return new AnySyntax(name, type, where, body, t.Span);
        }

        if (Accept("let"))
        {
            var name = Expect(TokenKind.Identifier).Text;
            Expect("=");
            var value = Expression();
            Expect("in");
            var body = Block("let", t);
            return new LetSyntax(name, value, body, t.Span);
        }

        if (Accept("note"))
        {
            return new NoteSyntax(Expect(TokenKind.String).Text, t.Span);
        }

        if (Accept("skip"))
        {
            return new SkipSyntax(t.Span);
        }

        if (t.Kind == TokenKind.Identifier && Peek().Is("("))
        {
            Advance();
            return new CallStmtSyntax(t.Text, Arguments(), t.Span);
        }

        if (t.Kind == TokenKind.Identifier && CHabitStatements.TryGetValue(t.Text, out var hint) && !Peek().Is(":=") && !Peek().Is("["))
        {
            throw Error(hint);
        }

        if (t.Kind != TokenKind.Identifier)
        {
            throw openBlocks.Count > 0 && (t.Kind == TokenKind.EndOfFile || t.Kind == TokenKind.Keyword && DeclarationStarts.Contains(t.Text))
                ? Unclosed()
                : Error($"expected a statement but found {t.Describe()}");
        }

        var target = Postfix();
        if (!Current.Is(":="))
        {
            throw Error($"expected ':=' but found {Current.Describe()}");
        }

        Advance();
        return new AssignSyntax(target, Expression(), t.Span);
    }

    private List<ExprSyntax> Arguments()
    {
        Expect("(");
        var args = new List<ExprSyntax>();
        if (!Current.Is(")"))
        {
            args.Add(Expression());
            while (Accept(","))
            {
                args.Add(Expression());
            }
        }

        Expect(")");
        return args;
    }
}
