namespace HvModel.Core.Ir;

/// <summary>
/// The values an integer expression may take, as an interval: the one rule, per operator, that
/// every encoding uses to bound a result from its operands' bounds. The bit-level encodings
/// (SMT bit-vectors, the AIGER export) size their words by it; the Int encoding drops the
/// overflow checks it rules out and computes '%' and '/' without SMT-LIB's <c>mod</c> and
/// <c>div</c> when the dividend's interval is small, which Spacer's arithmetic reasons about
/// much better. Results are exact mathematical values (before the evaluator's 32-bit overflow
/// error), so an interval may leave the 32-bit range; see <see cref="Clipped"/>.
/// </summary>
public readonly record struct Interval(long Lo, long Hi)
{
    /// <summary>Every 32-bit value: what is known of a term without bounds.</summary>
    public static Interval Int32 { get; } = new(int.MinValue, int.MaxValue);

    /// <summary>The interval of one value.</summary>
    public static Interval Point(long value) => new(value, value);

    /// <summary>The values of a scalar type (false..true, the enum's or scalarset's ordinals, the range).</summary>
    public static Interval Of(ScalarType type) => new(IntegerWidth.Lo(type), IntegerWidth.Hi(type));

    public bool Contains(long value) => Lo <= value && value <= Hi;

    /// <summary>True when no value of the interval leaves 32 bits.</summary>
    public bool Fits32 => Lo >= int.MinValue && Hi <= int.MaxValue;

    /// <summary>The values inside 32 bits: what a result may be when it raised no overflow error.</summary>
    public Interval Clipped => new(Math.Max(Lo, int.MinValue), Math.Min(Hi, int.MaxValue));

    /// <summary>The values of either interval (the result of a conditional).</summary>
    public Interval Join(Interval other) => new(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi));

    /// <summary>The values of <c>-x</c>.</summary>
    public Interval Negated => new(-Hi, -Lo);

    /// <summary>
    /// The exact results of <paramref name="op"/> (+, -, *, /, %, band, bor, bxor) on operands
    /// of <paramref name="l"/> and <paramref name="r"/>, for operands on which it raises no error
    /// other than overflow. '/' and '%' truncate as in C: the remainder takes the dividend's sign.
    /// </summary>
    public static Interval Of(BinaryOp op, Interval l, Interval r)
    {
        switch (op)
        {
            case BinaryOp.Add:
                return new(l.Lo + r.Lo, l.Hi + r.Hi);
            case BinaryOp.Subtract:
                return new(l.Lo - r.Hi, l.Hi - r.Lo);
            case BinaryOp.Multiply:
            {
                long[] corners = [l.Lo * r.Lo, l.Lo * r.Hi, l.Hi * r.Lo, l.Hi * r.Hi];
                return new(corners.Min(), corners.Max());
            }

            case BinaryOp.Divide:
            {
                // |x / y| <= |x|; with both operands non-negative, 0 .. x.
                var m = Math.Max(Math.Abs(l.Lo), Math.Abs(l.Hi));
                return l.Lo >= 0 && r.Lo >= 0 ? new(0, l.Hi) : new(-m, m);
            }

            case BinaryOp.Modulo:
            {
                // |x % y| < |y| and |x % y| <= |x|, with the dividend's sign.
                var bound = Math.Max(0, Math.Max(Math.Abs(r.Lo), Math.Abs(r.Hi)) - 1);
                return new(l.Lo >= 0 ? 0 : -Math.Min(-l.Lo, bound), l.Hi <= 0 ? 0 : Math.Min(l.Hi, bound));
            }

            case BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor:
            {
                // Defined on non-negative operands: and never exceeds the smaller, or and xor
                // stay within the bits of the larger.
                var (lh, rh) = (Math.Max(0, l.Hi), Math.Max(0, r.Hi));
                return op == BinaryOp.BitAnd ? new(0, Math.Min(lh, rh)) : new(0, (1L << IntegerWidth.Of(0, Math.Max(lh, rh)).Width) - 1);
            }

            default:
                throw new InvalidOperationException($"no interval rule for {op}");
        }
    }
}
