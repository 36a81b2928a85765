using HvModel.Core.Text;

namespace HvModel.Core.Ir;

/// <summary>
/// A typed expression of the IR. Guards, effects' right-hand sides and properties are all
/// expressions; every back end (evaluator, SMT-LIB translator, printer) is one
/// <see cref="IExprVisitor{TResult}"/> with a method per node.
/// </summary>
public abstract record Expr(HvType Type, SourceSpan Span)
{
    /// <summary>A node with sub-expressions: its depth and size follow from theirs.</summary>
    protected Expr(HvType type, SourceSpan span, params Expr[] children)
        : this(type, span)
    {
        foreach (var c in children)
        {
            Depth = Math.Max(Depth, c.Depth + 1);
            Size = Math.Min(long.MaxValue / 2, Size + c.Size);
        }
    }

    /// <summary>
    /// Levels of the tree (1 for a leaf). Every back end walks expressions recursively, so the
    /// binder bounds this once for all of them, after definitions are inlined.
    /// </summary>
    public int Depth { get; } = 1;

    /// <summary>Nodes of the tree, counting a shared sub-tree once per use (inlining can make it exponential).</summary>
    public long Size { get; } = 1;

    public abstract TResult Accept<TResult>(IExprVisitor<TResult> visitor);
}

/// <summary>A constant value (constants and enum members are folded into literals when bound).</summary>
public sealed record LiteralExpr(int Value, HvType Type, SourceSpan Span) : Expr(Type, Span)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitLiteral(this);
}

/// <summary>A whole state variable; for arrays it is indexed by <see cref="IndexExpr"/>.</summary>
public sealed record VarExpr(StateVar Var, SourceSpan Span) : Expr(Var.Type, Span)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitVar(this);
}

/// <summary><c>array[index]</c>.</summary>
public sealed record IndexExpr(Expr Array, Expr Index, HvType Type, SourceSpan Span) : Expr(Type, Span, Array, Index)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitIndex(this);
}

/// <summary>A bound name: action parameter, quantified, <c>for</c>, <c>any</c> or <c>let</c> variable.</summary>
public sealed record LocalExpr(Local Local, SourceSpan Span) : Expr(Local.Type, Span)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitLocal(this);
}

public enum UnaryOp
{
    Not,
    Negate,
}

public sealed record UnaryExpr(UnaryOp Op, Expr Operand, HvType Type, SourceSpan Span) : Expr(Type, Span, Operand)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitUnary(this);
}

public enum BinaryOp
{
    Add,
    Subtract,
    Multiply,

    /// <summary>Integer division truncating toward zero, as in C; a zero divisor is a model error.</summary>
    Divide,

    /// <summary>The remainder of <see cref="Divide"/>: its sign is the dividend's, as in C.</summary>
    Modulo,

    /// <summary>Bitwise and (<c>band</c>) of two non-negative integers; a negative operand is a model error.</summary>
    BitAnd,

    /// <summary>Bitwise or (<c>bor</c>) of two non-negative integers.</summary>
    BitOr,

    /// <summary>Bitwise exclusive or (<c>bxor</c>) of two non-negative integers.</summary>
    BitXor,

    /// <summary><c>a &lt;&lt; n</c>: a * 2^n for non-negative a and n; a result past 32 bits is an overflow.</summary>
    ShiftLeft,

    /// <summary><c>a &gt;&gt; n</c>: a / 2^n for non-negative a and n.</summary>
    ShiftRight,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And,
    Or,
    Implies,
    Iff,
}

public sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, HvType Type, SourceSpan Span) : Expr(Type, Span, Left, Right)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitBinary(this);
}

/// <summary><c>if c then a else b end</c> as an expression.</summary>
public sealed record CondExpr(Expr Condition, Expr Then, Expr Else, HvType Type, SourceSpan Span) : Expr(Type, Span, Condition, Then, Else)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitCond(this);
}

public enum Quantifier
{
    Forall,
    Exists,

    /// <summary>The number of values for which the body holds (an int).</summary>
    Count,
}

/// <summary><c>forall x: T . body</c>, <c>exists</c>, <c>count</c>: over a finite type.</summary>
public sealed record QuantExpr(Quantifier Quantifier, Local Variable, Expr Body, HvType Type, SourceSpan Span) : Expr(Type, Span, Body)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitQuant(this);
}

/// <summary><c>hunk NAME</c>: true when the checked variant applies that hunk.</summary>
public sealed record HunkExpr(Hunk Hunk, SourceSpan Span) : Expr(BoolType.Instance, Span)
{
    public override TResult Accept<TResult>(IExprVisitor<TResult> visitor) => visitor.VisitHunk(this);
}

public interface IExprVisitor<out TResult>
{
    TResult VisitLiteral(LiteralExpr e);

    TResult VisitVar(VarExpr e);

    TResult VisitIndex(IndexExpr e);

    TResult VisitLocal(LocalExpr e);

    TResult VisitUnary(UnaryExpr e);

    TResult VisitBinary(BinaryExpr e);

    TResult VisitCond(CondExpr e);

    TResult VisitQuant(QuantExpr e);

    TResult VisitHunk(HunkExpr e);
}
