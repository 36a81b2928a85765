using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>The parser's declarations: model, const, type, enum, var, init, def, procedure, action, hunk, variant, lane, property and expect.</summary>
public sealed partial class Parser
{
    private DeclSyntax Declaration()
    {
        var t = Current;
        if (t.Kind != TokenKind.Keyword)
        {
            throw Error($"expected a declaration (const, type, var, action, invariant, lemma, ...) but found {t.Describe()}");
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
                var body = Block("init", t);
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
                var body = Block("procedure", t);
                return new ProcedureDecl(name, ps, body, t.Span);
            }

            case "action":
                return ActionDeclaration();
            case "hunk":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                var description = Current.Kind == TokenKind.String ? Advance().Text : "";
                return new HunkDecl(name, description, t.Span) { Patterns = HunkPatterns() };
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

            case "models":
                return ModelsDeclaration();
            case "liveness":
                return LivenessDeclaration();
            case "fair":
                return FairDeclaration();
            case "lane":
                return LaneDeclaration();
            case "invariant":
            case "lemma":
            case "cover":
            {
                Advance();
                var name = Expect(TokenKind.Identifier).Text;
                if (t.Text == "lemma" && Current.Kind != TokenKind.String)
                {
                    // A hand-written lemma is a claim a reader must be able to judge: it says why.
                    throw Error($"a lemma says why it holds: lemma {name} \"why\": expr");
                }

                var description = Current.Kind == TokenKind.String ? Advance().Text : "";
                Expect(":");
                var kind = t.Text == "cover" ? PropertyKind.Cover : PropertyKind.Invariant;
                return new PropertyDecl(kind, name, description, Expression(), t.Span) { IsLemma = t.Text == "lemma" };
            }

            case "expect":
                return AtGateExpectation() ? GateExpectation() : ExpectDeclaration();
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
        var body = Block("action", t);
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
        var props = new List<Name> { ExpectColumn() };
        while (Accept(","))
        {
            props.Add(ExpectColumn());
        }

        Expect(")");
        var rows = new List<ExpectRow>();
        while (!Current.Is("end"))
        {
            if (Current.Kind == TokenKind.EndOfFile || (Current.Kind == TokenKind.Keyword && DeclarationStarts.Contains(Current.Text)))
            {
                // Rows end where the table's 'end' should be: name the table, not the declaration after it.
                throw new ModelError(t.Span, $"this expect table has no 'end': found {Current.Describe()} at line {Current.Span.Line}");
            }

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

    /// <summary>A column of an expect table: a property's name, or the keyword <c>deadlock</c>.</summary>
    private Name ExpectColumn()
    {
        var t = Current;
        if (Accept("deadlock"))
        {
            return new Name(t.Text, t.Span);
        }

        if (t.Kind != TokenKind.Identifier)
        {
            throw Error($"expected a property name or 'deadlock' but found {t.Describe()}");
        }

        return NameToken();
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
        if (++nesting > MaxNesting)
        {
            throw Error($"type nested more than {MaxNesting} levels deep");
        }

        try
        {
            return TypeBody();
        }
        finally
        {
            nesting--;
        }
    }

    private TypeSyntax TypeBody()
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

            // 'blocks' is not a keyword either: 'in blocks of B' is read only after a scalarset's size.
            ExprSyntax? blocks = null;
            if (Current.Kind == TokenKind.Keyword && Current.Text == "in" && Peek().Kind == TokenKind.Identifier && Peek().Text == "blocks")
            {
                Advance();
                Advance();
                Expect("of");
                blocks = Expression();
            }

            // 'with' is not a keyword, so that models may keep it as a name elsewhere.
            var distinguished = new List<Token>();
            if (Current.Kind == TokenKind.Identifier && Current.Text == "with")
            {
                Advance();
                do
                {
                    distinguished.Add(Expect(TokenKind.Identifier));
                }
                while (Accept(","));
            }

            return new ScalarsetTypeSyntax(size, distinguished, t.Span, blocks);
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
        var lo = BitOr();
        if (Accept(".."))
        {
            var hi = BitOr();
            CheckDepth(lo);
            CheckDepth(hi);
            return new RangeTypeSyntax(lo, hi, t.Span);
        }

        if (lo is NameSyntax n)
        {
            return new NamedTypeSyntax(n.Name, n.Span);
        }

        throw new ModelError(t.Span, "expected a type (bool, lo .. hi, scalarset(N) [with a, ...], array[T] of T, or a type name)");
    }
}
