using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Evaluation;

/// <summary>
/// Evaluates IR expressions over a state vector (one int per slot) and a local frame.
/// The one evaluator every engine and the trace replayer share.
/// </summary>
public sealed class ExprEvaluator(Variant variant) : IExprVisitor<int>
{
    /// <summary>The state read by variable references.</summary>
    public int[] State { get; set; } = [];

    /// <summary>Values of bound names, by <see cref="Local.Slot"/>.</summary>
    public int[] Locals { get; set; } = [];

    public Variant Variant { get; } = variant;

    /// <summary>
    /// Dispatches to the visit method of the node. A type switch rather than
    /// <see cref="Expr.Accept{TResult}"/>: a generic virtual call costs several times more on
    /// this hot path, and the visitor interface still guarantees a method per node.
    /// </summary>
    public int Eval(Expr e) => e switch
    {
        IndexExpr x => VisitIndex(x),
        LocalExpr x => VisitLocal(x),
        BinaryExpr x => VisitBinary(x),
        LiteralExpr x => VisitLiteral(x),
        VarExpr x => VisitVar(x),
        UnaryExpr x => VisitUnary(x),
        QuantExpr x => VisitQuant(x),
        CondExpr x => VisitCond(x),
        HunkExpr x => VisitHunk(x),
        _ => e.Accept(this),
    };

    public bool Holds(Expr e) => Eval(e) != 0;

    /// <summary>The state-vector position that a scalar variable or array element denotes.</summary>
    public int SlotOf(Expr location)
    {
        switch (location)
        {
            case VarExpr v:
                return v.Var.FirstSlot;
            case IndexExpr ix:
                var array = (ArrayType)ix.Array.Type;
                var value = Eval(ix.Index);
                var ordinal = array.Index.OrdinalOf(value);
                if (ordinal < 0)
                {
                    throw new ModelRuntimeError(ix.Index.Span, $"index {value} is out of range {array.Index.Display}");
                }

                return SlotOf(ix.Array) + (ordinal * Types.SlotCount(array.Element));
            default:
                throw new InvalidOperationException($"not a location: {location}");
        }
    }

    public int VisitLiteral(LiteralExpr e) => e.Value;

    public int VisitVar(VarExpr e) => State[e.Var.FirstSlot];

    public int VisitIndex(IndexExpr e) => State[SlotOf(e)];

    public int VisitLocal(LocalExpr e) => Locals[e.Local.Slot];

    public int VisitUnary(UnaryExpr e)
    {
        var v = Eval(e.Operand);
        return e.Op switch
        {
            UnaryOp.Not => v == 0 ? 1 : 0,
            UnaryOp.Negate => v == int.MinValue ? throw Overflow(e) : -v,
            _ => throw new InvalidOperationException(e.Op.ToString()),
        };
    }

    public int VisitBinary(BinaryExpr e)
    {
        // The boolean connectives short-circuit; the others evaluate both sides.
        switch (e.Op)
        {
            case BinaryOp.And:
                return Holds(e.Left) && Holds(e.Right) ? 1 : 0;
            case BinaryOp.Or:
                return Holds(e.Left) || Holds(e.Right) ? 1 : 0;
            case BinaryOp.Implies:
                return !Holds(e.Left) || Holds(e.Right) ? 1 : 0;
        }

        var l = Eval(e.Left);
        var r = Eval(e.Right);
        return e.Op switch
        {
            BinaryOp.Add => Checked((long)l + r, e),
            BinaryOp.Subtract => Checked((long)l - r, e),
            BinaryOp.Multiply => Checked((long)l * r, e),
            BinaryOp.Divide or BinaryOp.Modulo or BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor
                or BinaryOp.ShiftLeft or BinaryOp.ShiftRight => Arithmetic(e, l, r),
            _ => IntegerOps.Compare(e.Op, l, r) ?? throw new InvalidOperationException(e.Op.ToString()),
        };
    }

    // Integers are 32-bit; a result outside that is the model's error, reported where it happens.
    private static int Checked(long value, Expr e) => value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Overflow(e);

    private static ModelRuntimeError Overflow(Expr e) => new(e.Span, IntegerOps.OverflowMessage);

    // The operators with more than an overflow to check share their definition with every engine.
    private static int Arithmetic(BinaryExpr e, int l, int r) =>
        IntegerOps.Apply(e.Op, l, r, out var result) is { } error ? throw new ModelRuntimeError(e.Span, error) : result;

    public int VisitCond(CondExpr e) => Holds(e.Condition) ? Eval(e.Then) : Eval(e.Else);

    public int VisitQuant(QuantExpr e)
    {
        var slot = e.Variable.Slot;
        var saved = Locals[slot];
        var type = e.Variable.Domain;
        var count = 0;
        try
        {
            for (var k = 0; k < type.Count; k++)
            {
                Locals[slot] = type.ValueAt(k);
                var holds = Holds(e.Body);
                switch (e.Quantifier)
                {
                    case Quantifier.Forall when !holds:
                        return 0;
                    case Quantifier.Exists when holds:
                        return 1;
                    case Quantifier.Count when holds:
                        count++;
                        break;
                }
            }
        }
        finally
        {
            Locals[slot] = saved;
        }

        return e.Quantifier switch
        {
            Quantifier.Forall => 1,
            Quantifier.Exists => 0,
            _ => count,
        };
    }

    public int VisitHunk(HunkExpr e) => Variant.Applies(e.Hunk) ? 1 : 0;
}
