using HvModel.Core.Binding;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Evaluation;

/// <summary>
/// The value of an expression that reads no state, no local and no hunk (constants are literals
/// in the IR, so a configuration's <c>MSI = multi</c> is one): static analyses use it to see a
/// branch that no run of this configuration can take.
/// </summary>
public static class ConstantValue
{
    private static readonly Variant NoVariant = new("", [], "", SourceSpan.None);

    /// <summary>
    /// The value, or null when <paramref name="e"/> is not constant or cannot be evaluated. A
    /// connective whose constant side decides it is constant (<c>MSI = multi and ...</c> where MSI
    /// is another kind), as the evaluator's short-circuit never reads the other side.
    /// </summary>
    public static int? Of(Expr e)
    {
        if (e is BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } b && Of(b.Left) is { } left)
        {
            return b.Op == BinaryOp.And
                ? (left == 0 ? 0 : Truth(Of(b.Right)))
                : (left != 0 ? 1 : Truth(Of(b.Right)));
        }

        if (!ConstantChecker.IsConstant(e))
        {
            return null;
        }

        try
        {
            return Evaluate(e);
        }
        catch (ModelRuntimeError)
        {
            return null;
        }
    }

    /// <summary>The value of <paramref name="e"/>, which must read no state, local or hunk; a model runtime error is thrown.</summary>
    public static int Evaluate(Expr e) => new ExprEvaluator(NoVariant) { Locals = [] }.Eval(e);

    private static int? Truth(int? value) => value is { } v ? (v != 0 ? 1 : 0) : null;
}
