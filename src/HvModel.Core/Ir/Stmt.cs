using System.Collections.Immutable;
using HvModel.Core.Text;

namespace HvModel.Core.Ir;

/// <summary>
/// A statement of an action body or of the init block. Statements run in order, each seeing
/// the effects of the ones before (as in Murphi); <see cref="AnyStmt"/> is the only source of
/// nondeterminism inside a body.
/// </summary>
public abstract record Stmt(SourceSpan Span)
{
    public abstract TResult Accept<TResult>(IStmtVisitor<TResult> visitor);
}

/// <summary><c>target := value</c>; the target is a <see cref="VarExpr"/> or an <see cref="IndexExpr"/> chain over one, of scalar type.</summary>
public sealed record AssignStmt(Expr Target, Expr Value, SourceSpan Span) : Stmt(Span)
{
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitAssign(this);
}

public sealed record BlockStmt(ImmutableArray<Stmt> Statements, SourceSpan Span) : Stmt(Span)
{
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitBlock(this);
}

public sealed record IfStmt(Expr Condition, Stmt Then, Stmt Else, SourceSpan Span) : Stmt(Span)
{
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitIf(this);
}

/// <summary><c>for x: T do body end</c>: the body once per value of T, in order.</summary>
public sealed record ForStmt(Local Variable, Stmt Body, SourceSpan Span) : Stmt(Span)
{
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitFor(this);
}

/// <summary>
/// <c>any x: T where cond do body end</c>: one successor per value of T satisfying the
/// condition; none when no value does (the step is then not enabled on that path).
/// </summary>
public sealed record AnyStmt(Local Variable, Expr? Where, Stmt Body, SourceSpan Span) : Stmt(Span)
{
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitAny(this);
}

/// <summary>Binds a name to a value for the body (procedure parameters are let-bound when inlined).</summary>
public sealed record LetStmt(Local Variable, Expr Value, Stmt Body, SourceSpan Span) : Stmt(Span)
{
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitLet(this);
}

/// <summary><c>note "text"</c>: a line of the story shown in a trace step when this statement runs; no effect on state.</summary>
public sealed record NoteStmt(string Text, SourceSpan Span) : Stmt(Span)
{
    public override TResult Accept<TResult>(IStmtVisitor<TResult> visitor) => visitor.VisitNote(this);
}

public interface IStmtVisitor<out TResult>
{
    TResult VisitAssign(AssignStmt s);

    TResult VisitBlock(BlockStmt s);

    TResult VisitIf(IfStmt s);

    TResult VisitFor(ForStmt s);

    TResult VisitAny(AnyStmt s);

    TResult VisitLet(LetStmt s);

    TResult VisitNote(NoteStmt s);
}
