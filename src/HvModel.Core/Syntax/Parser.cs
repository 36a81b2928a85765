using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>
/// Recursive-descent parser for one model file. The grammar is documented in the README;
/// each method below is named after the construct it reads. Semicolons between statements
/// are optional.
/// </summary>
public sealed class Parser
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

    private DeclSyntax Declaration()
    {
        var t = Current;
        if (t.Kind != TokenKind.Keyword)
        {
            throw Error($"expected a declaration (const, type, var, action, invariant, ...) but found {t.Describe()}");
        }

        switch (t.Text)
        {
            case "model":
                Advance();
                return new ModelDecl(Expect(TokenKind.Identifier).Text, t.Span);
            case "include":
                Advance();
                return new IncludeDecl(Expect(TokenKind.String).Text, t.Span);
            case "const":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                var type = Accept(":") ? Type() : null;
                Expect("=");
                return new ConstDecl(name, type, Expression(), t.Span);
            }

            case "type":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                Expect("=");
                return new TypeDecl(name, Type(), t.Span);
            }

            case "enum":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                Expect("{");
                var members = new List<Name> { NameToken() };
                while (Accept(","))
                {
                    members.Add(NameToken());
                }

                Expect("}");
                return new EnumDecl(name, members, t.Span);
            }

            case "var":
                return VarDeclaration();
            case "init":
            {
                Advance();
                var body = Statements();
                Expect("end");
                return new InitDecl(body, t.Span);
            }

            case "def":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                var ps = Current.Is("(") ? Parameters() : [];
                Expect("=");
                return new DefDecl(name, ps, Expression(), t.Span);
            }

            case "procedure":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                var ps = Current.Is("(") ? Parameters() : [];
                Accept("do");
                var body = Statements();
                Expect("end");
                return new ProcedureDecl(name, ps, body, t.Span);
            }

            case "action":
                return ActionDeclaration();
            case "hunk":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                var description = Current.Kind == TokenKind.String ? Advance().Text : "";
                return new HunkDecl(name, description, t.Span);
            }

            case "variant":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                Expect("=");
                Expect("{");
                var hunks = new List<Name>();
                if (!Current.Is("}"))
                {
                    hunks.Add(NameToken());
                    while (Accept(","))
                    {
                        hunks.Add(NameToken());
                    }
                }

                Expect("}");
                var description = Current.Kind == TokenKind.String ? Advance().Text : "";
                return new VariantDecl(name, hunks, description, t.Span);
            }

            case "invariant":
            case "cover":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                var description = Current.Kind == TokenKind.String ? Advance().Text : "";
                Expect(":");
                var kind = t.Text == "invariant" ? PropertyKind.Invariant : PropertyKind.Cover;
                return new PropertyDecl(kind, name, description, Expression(), t.Span);
            }

            case "expect":
                return ExpectDeclaration();
            case "allow":
                Advance();
                Expect("deadlock");
                return new AllowDeadlockDecl(t.Span);
            default:
                throw Error($"expected a declaration but found {t.Describe()}");
        }
    }

    private Name NameToken()
    {
        var t = Expect(TokenKind.Identifier);
        return new Name(t.Text, t.Span);
    }

    private VarDecl VarDeclaration()
    {
        var t = Expect("var");
        var name = Expect(TokenKind.Identifier).Text;
        Expect(":");
        var type = Type();
        if (Accept("="))
        {
            return new VarDecl(name, type, Expression(), null, t.Span);
        }

        if (Accept("in"))
        {
            Expect("{");
            var choices = new List<ExprSyntax> { Expression() };
            while (Accept(","))
            {
                choices.Add(Expression());
            }

            Expect("}");
            return new VarDecl(name, type, null, choices, t.Span);
        }

        return new VarDecl(name, type, null, null, t.Span);
    }

    private ActionDecl ActionDeclaration()
    {
        var t = Expect("action");
        var name = Expect(TokenKind.Identifier).Text;
        var ps = Current.Is("(") ? Parameters() : [];
        string? calls = null;
        if (Accept("calls"))
        {
            calls = Expect(TokenKind.String).Text;
        }

        var guard = Accept("when") ? Expression() : null;
        Expect("do");
        var body = Statements();
        Expect("end");
        return new ActionDecl(name, ps, calls, guard, body, t.Span);
    }

    private ExpectDecl ExpectDeclaration()
    {
        var t = Expect("expect");
        ExprSyntax? when = null;
        if (Accept("when"))
        {
            when = Expression();
            Expect(":");
        }

        Expect("(");
        var props = new List<Name> { NameToken() };
        while (Accept(","))
        {
            props.Add(NameToken());
        }

        Expect(")");
        var rows = new List<ExpectRow>();
        while (!Current.Is("end"))
        {
            var variant = NameToken();
            Expect("=");
            Expect("(");
            var cells = new List<(Verdict?, SourceSpan)> { VerdictCell() };
            while (Accept(","))
            {
                cells.Add(VerdictCell());
            }

            Expect(")");
            Accept(";");
            rows.Add(new ExpectRow(variant, cells, variant.Span));
        }

        Expect("end");
        return new ExpectDecl(when, props, rows, t.Span);
    }

    private (Verdict?, SourceSpan) VerdictCell()
    {
        var t = Current;
        if (Accept("?"))
        {
            return (null, t.Span);
        }

        var word = Expect(TokenKind.Identifier);
        Verdict verdict = word.Text switch
        {
            "holds" or "reached" => Verdict.Holds,
            "violated" or "unreached" => Verdict.Violated,
            _ => throw new ModelError(word.Span, $"expected a verdict (holds, violated, reached, unreached or ?) but found '{word.Text}'"),
        };
        return (verdict, t.Span);
    }

    private List<Parameter> Parameters()
    {
        Expect("(");
        var ps = new List<Parameter>();
        if (!Current.Is(")"))
        {
            do
            {
                var n = Expect(TokenKind.Identifier);
                if (ps.Any(p => p.Name == n.Text))
                {
                    throw new ModelError(n.Span, $"parameter '{n.Text}' is declared twice");
                }

                Expect(":");
                ps.Add(new Parameter(n.Text, Type(), n.Span));
            }
            while (Accept(","));
        }

        Expect(")");
        return ps;
    }

    private TypeSyntax Type()
    {
        var t = Current;
        if (Accept("bool"))
        {
            return new BoolTypeSyntax(t.Span);
        }

        if (Accept("scalarset"))
        {
            Expect("(");
            var size = Expression();
            Expect(")");
            return new ScalarsetTypeSyntax(size, t.Span);
        }

        if (Accept("array"))
        {
            Expect("[");
            var index = Type();
            Expect("]");
            Expect("of");
            return new ArrayTypeSyntax(index, Type(), t.Span);
        }

        // A named type, or a range 'lo .. hi' whose bounds are expressions.
        var lo = Additive();
        if (Accept(".."))
        {
            return new RangeTypeSyntax(lo, Additive(), t.Span);
        }

        if (lo is NameSyntax n)
        {
            return new NamedTypeSyntax(n.Name, n.Span);
        }

        throw new ModelError(t.Span, "expected a type (bool, lo .. hi, scalarset(N), array[T] of T, or a type name)");
    }

    // ---- statements ----

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

    // ---- expressions, loosest binding first ----

    // Deeper nesting than any model needs; past it, report instead of overflowing the stack.
    private const int MaxNesting = 200;
    private int nesting;

    public ExprSyntax Expression()
    {
        if (++nesting > MaxNesting)
        {
            throw Error($"expression nested more than {MaxNesting} levels deep");
        }

        try
        {
            return ExpressionBody();
        }
        finally
        {
            nesting--;
        }
    }

    private ExprSyntax ExpressionBody()
    {
        var t = Current;
        if (t.Is("forall") || t.Is("exists") || t.Is("count"))
        {
            Advance();
            var q = t.Text switch
            {
                "forall" => Quantifier.Forall,
                "exists" => Quantifier.Exists,
                _ => Quantifier.Count,
            };
            var name = Expect(TokenKind.Identifier).Text;
            Expect(":");
            var type = Type();
            Expect(".");
            return new QuantSyntax(q, name, type, Expression(), t.Span);
        }

        return Implication();
    }

    private ExprSyntax Implication()
    {
        var left = Disjunction();
        var t = Current;
        if (Accept("->"))
        {
            return new BinarySyntax(BinaryOp.Implies, left, Expression(), left.Span);
        }

        if (Accept("<->"))
        {
            return new BinarySyntax(BinaryOp.Iff, left, Expression(), left.Span);
        }

        return left;
    }

    private ExprSyntax Disjunction()
    {
        var left = Conjunction();
        while (Current.Is("or") || Current.Is("|"))
        {
            var t = Advance();
            left = new BinarySyntax(BinaryOp.Or, left, Operand(Conjunction), left.Span);
        }

        return left;
    }

    private ExprSyntax Conjunction()
    {
        var left = Negation();
        while (Current.Is("and") || Current.Is("&"))
        {
            var t = Advance();
            left = new BinarySyntax(BinaryOp.And, left, Operand(Negation), left.Span);
        }

        return left;
    }

    // A quantifier may stand as the last operand of a connective: 'a and forall i: T . b'.
    private ExprSyntax Operand(Func<ExprSyntax> next) =>
        Current.Is("forall") || Current.Is("exists") || Current.Is("count") ? Expression() : next();

    private ExprSyntax Negation()
    {
        var t = Current;
        if (Accept("not") || Accept("!"))
        {
            if (++nesting > MaxNesting)
            {
                throw Error($"expression nested more than {MaxNesting} levels deep");
            }

            try
            {
                return new UnarySyntax(UnaryOp.Not, Operand(Negation), t.Span);
            }
            finally
            {
                nesting--;
            }
        }

        return Comparison();
    }

    private ExprSyntax Comparison()
    {
        var left = Additive();
        var t = Current;
        BinaryOp? op = t.Kind == TokenKind.Symbol ? t.Text switch
        {
            "=" => BinaryOp.Equal,
            "!=" => BinaryOp.NotEqual,
            "<" => BinaryOp.Less,
            "<=" => BinaryOp.LessEqual,
            ">" => BinaryOp.Greater,
            ">=" => BinaryOp.GreaterEqual,
            _ => null,
        } : null;
        if (op is null)
        {
            return left;
        }

        Advance();

        // 'a = not b' reads as a = (not b); a leading 'not' still covers the comparison.
        var right = Current.Is("not") || Current.Is("!") ? Negation() : Additive();
        return new BinarySyntax(op.Value, left, right, left.Span);
    }

    private ExprSyntax Additive()
    {
        var left = Multiplicative();
        while (Current.Is("+") || Current.Is("-"))
        {
            var t = Advance();
            left = new BinarySyntax(t.Text == "+" ? BinaryOp.Add : BinaryOp.Subtract, left, Multiplicative(), left.Span);
        }

        return left;
    }

    private ExprSyntax Multiplicative()
    {
        var left = Unary();
        while (Current.Is("*"))
        {
            var t = Advance();
            left = new BinarySyntax(BinaryOp.Multiply, left, Unary(), left.Span);
        }

        return left;
    }

    private ExprSyntax Unary()
    {
        var t = Current;
        if (Accept("-"))
        {
            if (++nesting > MaxNesting)
            {
                throw Error($"expression nested more than {MaxNesting} levels deep");
            }

            try
            {
                return new UnarySyntax(UnaryOp.Negate, Unary(), t.Span);
            }
            finally
            {
                nesting--;
            }
        }

        return Postfix();
    }

    private ExprSyntax Postfix()
    {
        var e = Primary();
        while (Current.Is("["))
        {
            var t = Advance();
            var index = Expression();
            Expect("]");
            e = new IndexSyntax(e, index, e.Span);
        }

        return e;
    }

    private ExprSyntax Primary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Integer:
                Advance();
                return new IntSyntax(int.Parse(t.Text, CultureInfo.InvariantCulture), t.Span);
            case TokenKind.Identifier:
                Advance();
                return Current.Is("(") ? new CallSyntax(t.Text, Arguments(), t.Span) : new NameSyntax(t.Text, t.Span);
        }

        if (Accept("true"))
        {
            return new BoolSyntax(true, t.Span);
        }

        if (Accept("false"))
        {
            return new BoolSyntax(false, t.Span);
        }

        if (Accept("hunk"))
        {
            return new HunkSyntax(Expect(TokenKind.Identifier).Text, t.Span);
        }

        if (Accept("("))
        {
            var e = Expression();
            Expect(")");
            return e;
        }

        if (Accept("if"))
        {
            var c = Expression();
            Expect("then");
            var a = Expression();
            Expect("else");
            var b = Expression();
            Expect("end");
            return new CondSyntax(c, a, b, t.Span);
        }

        throw Error($"expected an expression but found {t.Describe()}");
    }
}
