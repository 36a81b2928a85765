using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>An expression as written, before names and types are resolved.</summary>
public abstract record ExprSyntax(SourceSpan Span);

public sealed record NameSyntax(string Name, SourceSpan Span) : ExprSyntax(Span);

public sealed record IntSyntax(int Value, SourceSpan Span) : ExprSyntax(Span);

public sealed record BoolSyntax(bool Value, SourceSpan Span) : ExprSyntax(Span);

public sealed record IndexSyntax(ExprSyntax Array, ExprSyntax Index, SourceSpan Span) : ExprSyntax(Span);

/// <summary>A call of a <c>def</c>: inlined by the binder.</summary>
public sealed record CallSyntax(string Name, IReadOnlyList<ExprSyntax> Args, SourceSpan Span) : ExprSyntax(Span);

public sealed record UnarySyntax(UnaryOp Op, ExprSyntax Operand, SourceSpan Span) : ExprSyntax(Span);

public sealed record BinarySyntax(BinaryOp Op, ExprSyntax Left, ExprSyntax Right, SourceSpan Span) : ExprSyntax(Span);

public sealed record CondSyntax(ExprSyntax Condition, ExprSyntax Then, ExprSyntax Else, SourceSpan Span) : ExprSyntax(Span);

public sealed record QuantSyntax(Quantifier Quantifier, string Variable, TypeSyntax Type, ExprSyntax Body, SourceSpan Span) : ExprSyntax(Span);

public sealed record HunkSyntax(string Name, SourceSpan Span) : ExprSyntax(Span);
