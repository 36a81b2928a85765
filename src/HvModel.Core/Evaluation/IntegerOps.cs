using HvModel.Core.Ir;

namespace HvModel.Core.Evaluation;

/// <summary>
/// The integer operators' reference semantics on 32-bit values, shared by the evaluator, the
/// SMT translator's constant folding and any compiled engine: one definition of what
/// <c>/</c>, <c>%</c>, the bit operators and overflow mean.
/// </summary>
public static class IntegerOps
{
    public const string OverflowMessage = "integer overflow (values are 32-bit)";

    /// <summary>True for the operators that take and give integers.</summary>
    public static bool IsArithmetic(BinaryOp op) => op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply
        or BinaryOp.Divide or BinaryOp.Modulo or BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor
        or BinaryOp.ShiftLeft or BinaryOp.ShiftRight;

    /// <summary>True for the bit operators, defined on non-negative operands only.</summary>
    public static bool IsBitwise(BinaryOp op) => op is BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor
        or BinaryOp.ShiftLeft or BinaryOp.ShiftRight;

    /// <summary>The operator as written in a model.</summary>
    public static string Spelling(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Modulo => "%",
        BinaryOp.BitAnd => "band",
        BinaryOp.BitOr => "bor",
        BinaryOp.BitXor => "bxor",
        BinaryOp.ShiftLeft => "<<",
        BinaryOp.ShiftRight => ">>",
        BinaryOp.Equal => "=",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterEqual => ">=",
        BinaryOp.And => "and",
        BinaryOp.Or => "or",
        BinaryOp.Implies => "->",
        BinaryOp.Iff => "<->",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>
    /// The value (1 or 0) of a comparison or <c>&lt;-&gt;</c> on two values; null for any other
    /// operator. Never a model error: the evaluator, constant folding and the exporters share it.
    /// </summary>
    public static int? Compare(BinaryOp op, int l, int r) => op switch
    {
        BinaryOp.Equal => l == r ? 1 : 0,
        BinaryOp.NotEqual => l != r ? 1 : 0,
        BinaryOp.Less => l < r ? 1 : 0,
        BinaryOp.LessEqual => l <= r ? 1 : 0,
        BinaryOp.Greater => l > r ? 1 : 0,
        BinaryOp.GreaterEqual => l >= r ? 1 : 0,
        BinaryOp.Iff => (l != 0) == (r != 0) ? 1 : 0,
        _ => null,
    };

    /// <summary>
    /// Applies an arithmetic operator. Returns null and the result, or the model error's message
    /// (overflow past 32 bits, a zero divisor, a negative operand of a bit operator).
    /// </summary>
    public static string? Apply(BinaryOp op, int l, int r, out int result)
    {
        result = 0;
        if (IsBitwise(op) && (l < 0 || r < 0))
        {
            return $"'{Spelling(op)}' is defined on non-negative integers only, got {(l < 0 ? l : r)}";
        }

        long value;
        switch (op)
        {
            case BinaryOp.Add:
                value = (long)l + r;
                break;
            case BinaryOp.Subtract:
                value = (long)l - r;
                break;
            case BinaryOp.Multiply:
                value = (long)l * r;
                break;
            case BinaryOp.Divide or BinaryOp.Modulo when r == 0:
                return op == BinaryOp.Divide ? "division by zero" : "modulo by zero ('%' with a zero divisor)";
            case BinaryOp.Divide:
                // C# long division truncates toward zero, as C does; only int.MinValue / -1 leaves 32 bits.
                value = (long)l / r;
                break;
            case BinaryOp.Modulo:
                value = (long)l % r;
                break;
            case BinaryOp.BitAnd:
                value = l & r;
                break;
            case BinaryOp.BitOr:
                value = l | r;
                break;
            case BinaryOp.BitXor:
                value = l ^ r;
                break;
            case BinaryOp.ShiftLeft:
                // Any non-zero value shifted by 31 or more leaves the 32-bit range.
                value = l == 0 ? 0 : r >= 31 ? (long)int.MaxValue + 1 : (long)l << r;
                break;
            case BinaryOp.ShiftRight:
                value = r >= 31 ? 0 : l >> r;
                break;
            default:
                throw new InvalidOperationException($"not an integer operator: {op}");
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            return OverflowMessage;
        }

        result = (int)value;
        return null;
    }
}
