using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>Expressions: name resolution, type rules, inlining of definitions.</summary>
public sealed partial class Binder
{
    /// <summary>
    /// The deepest expression once definitions are inlined: twice the parser's limit, so that
    /// an expression may use a definition as deep as itself. Every back end walks expressions
    /// recursively; this bound (with <see cref="MaxStatementDepth"/>) is what keeps them
    /// within the stack, whatever thread they run on.
    /// </summary>
    public const int MaxExprDepth = 2 * Parser.MaxNesting;

    /// <summary>The deepest nesting of statements once procedures are inlined.</summary>
    public const int MaxStatementDepth = 2 * Parser.MaxNesting;

    /// <summary>The most nodes an expression may have once definitions are inlined (a definition used twice in another counts twice).</summary>
    public const long MaxExprSize = 100_000;

    // The binder's own recursion, which inlining makes deeper than the syntax: a chain of
    // definitions that only rename one another builds no node but recurses all the same.
    private const int MaxBindNesting = 5 * Parser.MaxNesting;
    private int bindNesting;
    private int statementNesting;

    private Expr BindExpr(ExprSyntax syntax, Scope scope)
    {
        if (++bindNesting > MaxBindNesting)
        {
            throw new ModelError(syntax.Span, $"definitions nested more than {MaxBindNesting} levels deep once inlined");
        }

        try
        {
            var e = BindExprNode(syntax, scope);
            if (e.Depth > MaxExprDepth)
            {
                throw new ModelError(syntax.Span, $"expression more than {MaxExprDepth} levels deep once definitions are inlined");
            }

            if (e.Size > MaxExprSize)
            {
                throw new ModelError(syntax.Span, $"expression of more than {MaxExprSize} nodes once definitions are inlined");
            }

            return e;
        }
        finally
        {
            bindNesting--;
        }
    }

    private Expr BindExprNode(ExprSyntax syntax, Scope scope)
    {
        switch (syntax)
        {
            case IntSyntax i:
                return new LiteralExpr(i.Value, IntType.Instance, i.Span);
            case BoolSyntax b:
                return new LiteralExpr(b.Value ? 1 : 0, BoolType.Instance, b.Span);
            case NameSyntax n:
                return BindName(n, scope);
            case IndexSyntax ix:
            {
                var array = BindExpr(ix.Array, scope);
                if (array.Type is not ArrayType at)
                {
                    throw new ModelError(ix.Span, $"only arrays can be indexed, and this is a {array.Type.Display}");
                }

                var index = BindExpr(ix.Index, scope);
                if (!Types.Compatible(index.Type, at.Index))
                {
                    throw new ModelError(ix.Index.Span, $"index of type {index.Type.Display} for an array indexed by {at.Index.Display}");
                }

                return new IndexExpr(array, index, at.Element, ix.Span);
            }

            case CallSyntax c:
                return BindCall(c, scope);
            case UnarySyntax u:
            {
                var operand = BindExpr(u.Operand, scope);
                if (u.Op == UnaryOp.Not)
                {
                    RequireBool(operand, "'not'");
                    return new UnaryExpr(UnaryOp.Not, operand, BoolType.Instance, u.Span);
                }

                RequireInteger(operand, "'-'");
                return new UnaryExpr(UnaryOp.Negate, operand, IntType.Instance, u.Span);
            }

            case BinarySyntax b:
                return BindBinary(b, scope);
            case CondSyntax c:
            {
                var cond = BindExpr(c.Condition, scope);
                RequireBool(cond, "'if'");
                var then = BindExpr(c.Then, scope);
                var otherwise = BindExpr(c.Else, scope);
                RequireScalar(then);
                RequireScalar(otherwise);
                if (!Types.Compatible(then.Type, otherwise.Type))
                {
                    throw new ModelError(c.Span, $"the branches of 'if' have different types: {then.Type.Display} and {otherwise.Type.Display}");
                }

                var type = ReferenceEquals(then.Type, otherwise.Type) ? then.Type : IntType.Instance;
                return new CondExpr(cond, then, otherwise, type, c.Span);
            }

            case QuantSyntax q:
            {
                var local = NewLocal(q.Variable, ResolveScalarType(q.Type));
                var body = BindExpr(q.Body, scope.With(local));
                RequireBool(body, $"'{q.Quantifier.ToString().ToLowerInvariant()}'");
                var type = q.Quantifier == Quantifier.Count ? (HvType)IntType.Instance : BoolType.Instance;
                return new QuantExpr(q.Quantifier, local, body, type, q.Span);
            }

            case HunkSyntax h:
            {
                if (!globals.TryGetValue(h.Name, out var s))
                {
                    throw new ModelError(h.Span, $"undeclared hunk '{h.Name}'");
                }

                return s is HunkSymbol hs ? new HunkExpr(hs.Hunk, h.Span) : throw new ModelError(h.Span, $"'{h.Name}' is {Article(s.Kind)} {s.Kind}, not a hunk");
            }

            default:
                throw new InvalidOperationException(syntax.ToString());
        }
    }

    /// <summary>A <c>--const</c> value: its errors name the option, since the command line has no lines to point at.</summary>
    private LiteralExpr BindOverride(string name, string text, ExprSyntax parsed, HvType? declared)
    {
        try
        {
            return BindConstantExpr(parsed);
        }
        catch (ModelError e)
        {
            var values = declared is EnumType en ? $" ({en.Name} has: {string.Join(", ", en.Members)})" : "";
            throw new ModelError(CommandLine, $"--const {name}={text}: {e.Message}{values}");
        }
    }

    private Expr BindName(NameSyntax n, Scope scope)
    {
        var (local, substitute) = scope.Find(n.Name);
        if (local is not null)
        {
            return new LocalExpr(local, n.Span);
        }

        if (substitute is not null)
        {
            return substitute;
        }

        if (!globals.TryGetValue(n.Name, out var symbol))
        {
            throw new ModelError(n.Span, n.Name is "TRUE" or "FALSE" or "True" or "False"
                ? $"unknown name '{n.Name}': the booleans are written 'true' and 'false'"
                : UnnamedMember(n.Name) switch
                {
                    { Block: not null } blocked => $"unknown name '{n.Name}': the members of scalarset {blocked.Name} are told apart by their place in a block, with {BlockFirst}(i), not by names",
                    { } set => $"unknown name '{n.Name}': the members of scalarset {set.Name} are interchangeable, so none has a name (symmetry reduction permutes them); " +
                        $"single one out with 'type {set.Name} = scalarset(N) with {n.Name}', or, where members differ by their place in blocks, " +
                        $"declare 'in blocks of B' and use {BlockFirst}(i)",
                    null => $"unknown name '{n.Name}'",
                });
        }

        return symbol switch
        {
            ConstSymbol c => new LiteralExpr(c.Constant.Value, c.Constant.Type, n.Span),
            EnumMemberSymbol m => new LiteralExpr(m.Ordinal, m.Enum, n.Span),
            VarSymbol v => new VarExpr(v.Var, n.Span),
            DefSymbol d => BindCall(new CallSyntax(n.Name, [], n.Span), scope),
            _ => throw new ModelError(n.Span, $"'{n.Name}' is {Article(symbol.Kind)} {symbol.Kind}, not a value"),
        };
    }

    /// <summary>The scalarset whose members print like <paramref name="name"/> (T0, T1, ...), if any.</summary>
    private ScalarsetType? UnnamedMember(string name) => scalarsets.FirstOrDefault(s =>
        name.Length > s.Name.Length && name.StartsWith(s.Name, StringComparison.Ordinal) && name[s.Name.Length..].All(char.IsAsciiDigit));

    private Expr BindCall(CallSyntax c, Scope scope)
    {
        if (c.Name == BlockFirst && !globals.ContainsKey(c.Name))
        {
            return BindBlockFirst(c, scope);
        }

        if (!globals.TryGetValue(c.Name, out var symbol))
        {
            throw new ModelError(c.Span, $"unknown definition '{c.Name}'");
        }

        if (symbol is not DefSymbol def)
        {
            throw new ModelError(c.Span, $"'{c.Name}' is {Article(symbol.Kind)} {symbol.Kind}; only definitions (def) can be used in expressions");
        }

        var d = def.Decl;
        if (c.Args.Count != d.Parameters.Count)
        {
            throw new ModelError(c.Span, $"'{c.Name}' takes {d.Parameters.Count} argument(s), not {c.Args.Count}");
        }

        if (inlining.Contains(c.Name))
        {
            throw new ModelError(c.Span, $"'{c.Name}' refers to itself: definitions cannot be recursive");
        }

        // Definitions are pure, so inlining by substitution keeps their meaning.
        var inner = Scope.Empty;
        for (var i = 0; i < c.Args.Count; i++)
        {
            var arg = BindExpr(c.Args[i], scope);
            var ptype = ResolveType(d.Parameters[i].Type, null);
            if (!Types.Compatible(arg.Type, ptype))
            {
                throw new ModelError(c.Args[i].Span, $"argument '{d.Parameters[i].Name}' of '{c.Name}' expects {ptype.Display}, got {arg.Type.Display}");
            }

            inner = inner.With(d.Parameters[i].Name, arg);
        }

        inlining.Push(c.Name);
        try
        {
            return BindExpr(d.Body, inner);
        }
        finally
        {
            inlining.Pop();
        }
    }

    private Expr BindBinary(BinarySyntax b, Scope scope)
    {
        var l = BindExpr(b.Left, scope);
        var r = BindExpr(b.Right, scope);
        var symbol = OperatorText(b.Op);
        switch (b.Op)
        {
            case BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide or BinaryOp.Modulo
                or BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor or BinaryOp.ShiftLeft or BinaryOp.ShiftRight:
                RequireInteger(l, symbol);
                RequireInteger(r, symbol);
                return new BinaryExpr(b.Op, l, r, IntType.Instance, b.Span);
            case BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual:
                RequireInteger(l, symbol);
                RequireInteger(r, symbol);
                return new BinaryExpr(b.Op, l, r, BoolType.Instance, b.Span);
            case BinaryOp.Equal or BinaryOp.NotEqual:
                RequireScalar(l);
                RequireScalar(r);
                if (!Types.Compatible(l.Type, r.Type))
                {
                    throw new ModelError(b.Span, $"cannot compare {l.Type.Display} with {r.Type.Display}");
                }

                return new BinaryExpr(b.Op, l, r, BoolType.Instance, b.Span);
            default:
                RequireBool(l, symbol);
                RequireBool(r, symbol);
                return new BinaryExpr(b.Op, l, r, BoolType.Instance, b.Span);
        }
    }

    private static string OperatorText(BinaryOp op) => $"'{IntegerOps.Spelling(op)}'";

    private static void RequireBool(Expr e, string where)
    {
        if (e.Type is not BoolType)
        {
            throw new ModelError(e.Span, $"{where} expects a bool, got {e.Type.Display}");
        }
    }

    private static void RequireInteger(Expr e, string where)
    {
        if (!Types.IsInteger(e.Type))
        {
            throw new ModelError(e.Span, $"{where} expects an integer, got {e.Type.Display}");
        }
    }

    private static void RequireScalar(Expr e)
    {
        if (e.Type is ArrayType)
        {
            throw new ModelError(e.Span, "a whole array cannot be used as a value; index it");
        }
    }
}
