using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>The parser's expressions, loosest binding first.</summary>
public sealed partial class Parser
{
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
