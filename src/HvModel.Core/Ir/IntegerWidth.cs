using System.Numerics;

namespace HvModel.Core.Ir;

/// <summary>
/// How many bits an integer whose values lie in an interval needs: unsigned when the interval
/// has no negative value, two's complement otherwise. The one sizing rule of every bit-level
/// encoding (the SMT bit-vectors of the symbolic engines, the AIGER export's latches and words),
/// so that a slot of type 0 .. 3 is 2 bits everywhere.
/// </summary>
public static class IntegerWidth
{
    /// <summary>The width and signedness of values in <paramref name="lo"/>..<paramref name="hi"/> (at least one bit, at most 64).</summary>
    public static (int Width, bool Signed) Of(long lo, long hi)
    {
        if (lo >= 0)
        {
            return (Math.Max(1, 64 - BitOperations.LeadingZeroCount((ulong)hi)), false);
        }

        var w = 1;
        while (w < 64 && (lo < -(1L << (w - 1)) || hi > (1L << (w - 1)) - 1))
        {
            w++;
        }

        return (w, true);
    }

    /// <summary>The least value of a scalar type (false, the first member, the range's low end).</summary>
    public static long Lo(ScalarType type) => type.ValueAt(0);

    /// <summary>The greatest value of a scalar type.</summary>
    public static long Hi(ScalarType type) => type.ValueAt(type.Count - 1);
}
