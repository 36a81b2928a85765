using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>The parser's statements: assignments, if, for, any, let, note and calls of procedures.</summary>
public sealed partial class Parser
{
    private static readonly HashSet<string> BlockEnds = ["end", "else", "elsif"];

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
        if (Accept("if"))
        {
            var arms = new List<(ExprSyntax, IReadOnlyList<StmtSyntax>)>();
            var cond = Expression();
            Expect("then");
            arms.Add((cond, Statements()));
            while (Accept("elsif"))
            {
                cond = Expression();
                Expect("then");
                arms.Add((cond, Statements()));
            }

            IReadOnlyList<StmtSyntax> otherwise = Accept("else") ? Statements() : [];
            Expect("end");
            return new IfSyntax(arms, otherwise, t.Span);
        }

        if (Accept("for"))
        {
            var name = Expect(TokenKind.Identifier).Text;
            Expect(":");
            var type = Type();
            Expect("do");
            var body = Statements();
            Expect("end");
            return new ForSyntax(name, type, body, t.Span);
        }

        if (Accept("any"))
        {
            var name = Expect(TokenKind.Identifier).Text;
            Expect(":");
            var type = Type();
            var where = Accept("where") ? Expression() : null;
            Expect("do");
            var body = Statements();
            Expect("end");
            return new AnySyntax(name, type, where, body, t.Span);
        }

        if (Accept("let"))
        {
            var name = Expect(TokenKind.Identifier).Text;
            Expect("=");
            var value = Expression();
            Expect("in");
            var body = Statements();
            Expect("end");
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

        if (t.Kind != TokenKind.Identifier)
        {
            throw Error($"expected a statement but found {t.Describe()}");
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
