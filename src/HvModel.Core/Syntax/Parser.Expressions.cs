using System.Globalization;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>The parser's expressions, loosest binding first.</summary>
public sealed partial class Parser
{
    /// <summary>
    /// The deepest expression tree, and the deepest nesting of statements and types, that a
    /// model may have: deeper than any model needs. Past it the parser reports an error instead
    /// of letting a later recursive pass (binder, evaluator, SMT translator, printers) overflow
    /// the stack. Every operator counts as a level, also in a chain such as
    /// 'a and b and c', whose tree is as deep as the chain is long.
    /// </summary>
    public const int MaxNesting = 200;

    // Recursion depth of the parser itself (expressions, statements and types).
    private int nesting;

    // The quantifiers whose body is being read: a chained comparison inside one gets a hint.
    private readonly Stack<Token> openQuantifiers = new();

    // Depth of Expression() calls only: the outermost one measures the tree it built.
    private int expressionNesting;

    public ExprSyntax Expression()
    {
        if (++nesting > MaxNesting)
        {
            throw Error($"expression nested more than {MaxNesting} levels deep");
        }

        expressionNesting++;
        try
        {
            var e = ExpressionBody();
            if (expressionNesting == 1)
            {
                CheckDepth(e);
            }

            return e;
        }
        finally
        {
            nesting--;
            expressionNesting--;
        }
    }

    /// <summary>Rejects a tree deeper than <see cref="MaxNesting"/>, walking it without recursion.</summary>
    private static void CheckDepth(ExprSyntax root)
    {
        var stack = new Stack<(ExprSyntax Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > MaxNesting)
            {
                // Reported where the whole expression starts: a chain's nodes all start there too.
                throw new ModelError(root.Span, $"expression nested more than {MaxNesting} levels deep (each operator of a chain such as 'a and b and c' is a level)");
            }

            foreach (var child in Children(node))
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private static IEnumerable<ExprSyntax> Children(ExprSyntax e) => e switch
    {
        IndexSyntax x => [x.Array, x.Index],
        CallSyntax x => x.Args,
        UnarySyntax x => [x.Operand],
        BinarySyntax x => [x.Left, x.Right],
        CondSyntax x => [x.Condition, x.Then, x.Else],
        QuantSyntax x => [x.Body, .. TypeChildren(x.Type)],
        _ => [],
    };

    private static IEnumerable<ExprSyntax> TypeChildren(TypeSyntax t) => t switch
    {
        RangeTypeSyntax r => [r.Lo, r.Hi],
        ScalarsetTypeSyntax s => s.Blocks is null ? [s.Size] : [s.Size, s.Blocks],
        ArrayTypeSyntax a => [.. TypeChildren(a.Index), .. TypeChildren(a.Element)],
        _ => [],
    };

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
            openQuantifiers.Push(t);
            try
            {
                return new QuantSyntax(q, name, type, Expression(), t.Span);
            }
            finally
            {
                openQuantifiers.Pop();
            }
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
        var left = BitOr();
        var op = ComparisonOp(Current);
        if (op is null)
        {
            return left;
        }

        Advance();

        // 'a = not b' reads as a = (not b); a leading 'not' still covers the comparison.
        var right = Current.Is("not") || Current.Is("!") ? Negation() : BitOr();
        if (ComparisonOp(Current) is not null)
        {
            // Comparisons do not chain. Most often the first one ends a quantifier's body,
            // which extends as far right as it can.
            var q = openQuantifiers.Count > 0 ? openQuantifiers.Peek() : null;
            throw Error(q is null
                ? $"comparisons do not chain: add parentheses around the part before {Current.Describe()}"
                : $"comparisons do not chain, and the body of '{q.Text}' (line {q.Span.Line}) extends as far right as it can: write '({q.Text} x: T . body) {Current.Text} ...'");
        }

        return new BinarySyntax(op.Value, left, right, left.Span);
    }

    private static BinaryOp? ComparisonOp(Token t) => t.Kind == TokenKind.Symbol ? t.Text switch
    {
        "=" => BinaryOp.Equal,
        "!=" => BinaryOp.NotEqual,
        "<" => BinaryOp.Less,
        "<=" => BinaryOp.LessEqual,
        ">" => BinaryOp.Greater,
        ">=" => BinaryOp.GreaterEqual,
        _ => null,
    } : null;

    // The bit operators bind tighter than the comparisons, unlike C, so that
    // 'flags band MASK = 0' means what it says; among themselves they keep C's order:
    // bor, then bxor, then band, then the shifts, then '+' and '-'.
    private ExprSyntax BitOr() => LeftChain(BitXor, ("bor", BinaryOp.BitOr));

    private ExprSyntax BitXor() => LeftChain(BitAnd, ("bxor", BinaryOp.BitXor));

    private ExprSyntax BitAnd() => LeftChain(Shift, ("band", BinaryOp.BitAnd));

    private ExprSyntax Shift() => LeftChain(Additive, ("<<", BinaryOp.ShiftLeft), (">>", BinaryOp.ShiftRight));

    private ExprSyntax Additive() => LeftChain(Multiplicative, ("+", BinaryOp.Add), ("-", BinaryOp.Subtract));

    private ExprSyntax Multiplicative() =>
        LeftChain(Unary, ("*", BinaryOp.Multiply), ("/", BinaryOp.Divide), ("%", BinaryOp.Modulo));

    /// <summary>A left-associative chain of operands of one precedence level.</summary>
    private ExprSyntax LeftChain(Func<ExprSyntax> operand, params (string Text, BinaryOp Op)[] ops)
    {
        var left = operand();
        while (true)
        {
            var t = Current;
            var match = Array.FindIndex(ops, o => t.Is(o.Text));
            if (match < 0)
            {
                return left;
            }

            Advance();
            left = new BinarySyntax(ops[match].Op, left, operand(), left.Span);
        }
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
            if (Current.Is("elsif"))
            {
                throw Error("an 'if' expression has no 'elsif': nest another 'if' in its 'else' (if c then a else if d then b else e end end)");
            }

            Expect("else");
            var b = Expression();
            Expect("end");
            return new CondSyntax(c, a, b, t.Span);
        }

        throw Error($"expected an expression but found {t.Describe()}");
    }
}
