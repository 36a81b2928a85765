using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>A type as written.</summary>
public abstract record TypeSyntax(SourceSpan Span);

public sealed record NamedTypeSyntax(string Name, SourceSpan Span) : TypeSyntax(Span);

public sealed record BoolTypeSyntax(SourceSpan Span) : TypeSyntax(Span);

public sealed record RangeTypeSyntax(ExprSyntax Lo, ExprSyntax Hi, SourceSpan Span) : TypeSyntax(Span);

/// <summary>
/// <c>scalarset(N)</c>, or <c>scalarset(N) with a, b</c>: the named members are distinguished; or
/// <c>scalarset(N) in blocks of B</c>: the members form blocks of B in order (<see cref="Blocks"/>).
/// </summary>
public sealed record ScalarsetTypeSyntax(ExprSyntax Size, IReadOnlyList<Token> Distinguished, SourceSpan Span, ExprSyntax? Blocks = null) : TypeSyntax(Span);

public sealed record ArrayTypeSyntax(TypeSyntax Index, TypeSyntax Element, SourceSpan Span) : TypeSyntax(Span);
