using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>A statement as written.</summary>
public abstract record StmtSyntax(SourceSpan Span);

public sealed record AssignSyntax(ExprSyntax Target, ExprSyntax Value, SourceSpan Span) : StmtSyntax(Span);

public sealed record IfSyntax(IReadOnlyList<(ExprSyntax Condition, IReadOnlyList<StmtSyntax> Body)> Arms, IReadOnlyList<StmtSyntax> Else, SourceSpan Span) : StmtSyntax(Span);

public sealed record ForSyntax(string Variable, TypeSyntax Type, IReadOnlyList<StmtSyntax> Body, SourceSpan Span) : StmtSyntax(Span);

public sealed record AnySyntax(string Variable, TypeSyntax Type, ExprSyntax? Where, IReadOnlyList<StmtSyntax> Body, SourceSpan Span) : StmtSyntax(Span);

public sealed record LetSyntax(string Variable, ExprSyntax Value, IReadOnlyList<StmtSyntax> Body, SourceSpan Span) : StmtSyntax(Span);

public sealed record NoteSyntax(string Text, SourceSpan Span) : StmtSyntax(Span);

public sealed record SkipSyntax(SourceSpan Span) : StmtSyntax(Span);

/// <summary>A procedure call: inlined by the binder.</summary>
public sealed record CallStmtSyntax(string Name, IReadOnlyList<ExprSyntax> Args, SourceSpan Span) : StmtSyntax(Span);
