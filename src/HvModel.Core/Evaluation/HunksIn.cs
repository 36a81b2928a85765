using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Evaluation;

/// <summary>The hunks an expression reads (<c>hunk h</c> nodes), in order of appearance, without repeats.</summary>
public sealed class HunksIn : IExprVisitor<IEnumerable<Hunk>>
{
    private static readonly HunksIn Instance = new();

    public static ImmutableArray<Hunk> Of(Expr e) => [.. e.Accept(Instance).Distinct()];

    public IEnumerable<Hunk> VisitLiteral(LiteralExpr e) => [];

    public IEnumerable<Hunk> VisitVar(VarExpr e) => [];

    public IEnumerable<Hunk> VisitIndex(IndexExpr e) => e.Array.Accept(this).Concat(e.Index.Accept(this));

    public IEnumerable<Hunk> VisitLocal(LocalExpr e) => [];

    public IEnumerable<Hunk> VisitUnary(UnaryExpr e) => e.Operand.Accept(this);

    public IEnumerable<Hunk> VisitBinary(BinaryExpr e) => e.Left.Accept(this).Concat(e.Right.Accept(this));

    public IEnumerable<Hunk> VisitCond(CondExpr e) => e.Condition.Accept(this).Concat(e.Then.Accept(this)).Concat(e.Else.Accept(this));

    public IEnumerable<Hunk> VisitQuant(QuantExpr e) => e.Body.Accept(this);

    public IEnumerable<Hunk> VisitHunk(HunkExpr e) => [e.Hunk];
}
