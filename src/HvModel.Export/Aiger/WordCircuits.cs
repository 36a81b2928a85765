namespace HvModel.Export.Aiger;

/// <summary>
/// Bit-level circuits over equally wide bit arrays (least significant bit first): ripple-carry
/// addition, subtraction, shift-and-add multiplication, restoring division, comparison, and
/// barrel shifters. They compute modulo 2^width; <see cref="WordArithmetic"/> chooses widths
/// at which nothing wraps, so that the results are the evaluator's exact integers.
/// </summary>
public sealed class WordCircuits(Aig g)
{
    /// <summary><paramref name="bits"/> at <paramref name="width"/>: cut, or extended with the sign bit (signed) or zeros.</summary>
    public static int[] Resize(int[] bits, int width, bool signed)
    {
        var result = new int[width];
        for (var i = 0; i < width; i++)
        {
            result[i] = i < bits.Length ? bits[i] : signed ? bits[^1] : Aig.False;
        }

        return result;
    }

    public int[] Add(int[] a, int[] b, int carry = Aig.False)
    {
        var sum = new int[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            var half = g.Xor(a[i], b[i]);
            sum[i] = g.Xor(half, carry);
            carry = g.Or(g.And(a[i], b[i]), g.And(carry, half));
        }

        return sum;
    }

    public int[] Subtract(int[] a, int[] b) => Add(a, [.. b.Select(Aig.Not)], Aig.True);

    public int[] Negate(int[] a) => Subtract(new int[a.Length], a);

    public int[] Multiply(int[] a, int[] b)
    {
        var acc = new int[a.Length];
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] == Aig.False)
            {
                continue;
            }

            var partial = new int[a.Length];
            for (var k = i; k < a.Length; k++)
            {
                partial[k] = g.And(a[k - i], b[i]);
            }

            acc = Add(acc, partial);
        }

        return acc;
    }

    /// <summary>Unsigned quotient and remainder (restoring division); by zero: all ones and the dividend.</summary>
    public (int[] Quotient, int[] Remainder) DivideUnsigned(int[] a, int[] d)
    {
        var w = a.Length;
        var divisor = Resize(d, w + 1, false);
        var r = new int[w + 1];
        var q = new int[w];
        for (var i = w - 1; i >= 0; i--)
        {
            // r := 2r + a[i]; take the divisor off when it fits.
            var shifted = new int[w + 1];
            shifted[0] = a[i];
            Array.Copy(r, 0, shifted, 1, w);
            var diff = Subtract(shifted, divisor);
            var fits = Aig.Not(diff[w]);
            q[i] = fits;
            r = Mux(fits, diff, shifted);
        }

        return (q, r[..w]);
    }

    public int[] Mux(int c, int[] t, int[] e)
    {
        var result = new int[t.Length];
        for (var i = 0; i < t.Length; i++)
        {
            result[i] = g.Mux(c, t[i], e[i]);
        }

        return result;
    }

    public int Equal(int[] a, int[] b) => g.AndAll(a.Zip(b, g.Iff));

    public int IsZero(int[] a) => g.AndAll(a.Select(Aig.Not));

    /// <summary>a &lt; b for two words of one width and signedness: the sign of their difference one bit wider.</summary>
    public int Less(int[] a, int[] b, bool signed)
    {
        var w = a.Length + 1;
        return Subtract(Resize(a, w, signed), Resize(b, w, signed))[w - 1];
    }

    /// <summary>a shifted left by the unsigned <paramref name="count"/>, bits past the width dropped.</summary>
    public int[] ShiftLeft(int[] a, int[] count)
    {
        var cur = a;
        for (var k = 0; k < count.Length; k++)
        {
            var amount = k < 31 ? 1L << k : long.MaxValue;
            var shifted = new int[a.Length];
            for (var i = 0; i < a.Length; i++)
            {
                shifted[i] = i >= amount ? cur[i - (int)amount] : Aig.False;
            }

            cur = Mux(count[k], shifted, cur);
        }

        return cur;
    }

    /// <summary>The unsigned <paramref name="a"/> shifted right by the unsigned <paramref name="count"/>.</summary>
    public int[] ShiftRight(int[] a, int[] count)
    {
        var cur = a;
        for (var k = 0; k < count.Length; k++)
        {
            var amount = k < 31 ? 1L << k : long.MaxValue;
            var shifted = new int[a.Length];
            for (var i = 0; i < a.Length; i++)
            {
                shifted[i] = amount < a.Length - i ? cur[i + (int)amount] : Aig.False;
            }

            cur = Mux(count[k], shifted, cur);
        }

        return cur;
    }
}
