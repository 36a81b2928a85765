using HvModel.Core.Ir;

namespace HvModel.Core.Binding;

/// <summary>True for expressions that read no state, no local and no hunk: they fold to a literal.</summary>
internal sealed class ConstantChecker : IExprVisitor<bool>
{
    private static readonly ConstantChecker Instance = new();

    public static bool IsConstant(Expr e) => e.Accept(Instance);

    public bool VisitLiteral(LiteralExpr e) => true;

    public bool VisitVar(VarExpr e) => false;

    public bool VisitIndex(IndexExpr e) => false;

    public bool VisitLocal(LocalExpr e) => false;

    public bool VisitUnary(UnaryExpr e) => e.Operand.Accept(this);

    public bool VisitBinary(BinaryExpr e) => e.Left.Accept(this) && e.Right.Accept(this);

    public bool VisitCond(CondExpr e) => e.Condition.Accept(this) && e.Then.Accept(this) && e.Else.Accept(this);

    public bool VisitQuant(QuantExpr e) => false;

    public bool VisitHunk(HunkExpr e) => false;
}
