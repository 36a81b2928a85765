using HvModel.Core.Ir;

namespace HvModel.Export.Aiger;

/// <summary>
/// An integer as bits of an and-inverter graph, least significant first, with the interval
/// <see cref="Lo"/>..<see cref="Hi"/> its value lies in when no model error has been raised on
/// the way to it. Its width is the one <see cref="IntegerWidth"/> gives that interval:
/// unsigned when the interval has no negative value, two's complement otherwise. A bool is the
/// word 0..1, one bit. Words are never changed once built.
/// </summary>
public sealed record AigWord(int[] Bits, long Lo, long Hi)
{
    public int Width => Bits.Length;

    public bool Signed => Lo < 0;

    /// <summary>The interval <see cref="Lo"/>..<see cref="Hi"/>.</summary>
    public Interval Range => new(Lo, Hi);

    /// <summary>The single bit of a bool (or any word known to be 0 or 1).</summary>
    public int Bit => Bits[0];

    /// <summary>The value when every bit is a constant (then also <see cref="Lo"/> = <see cref="Hi"/>).</summary>
    public long? Const
    {
        get
        {
            if (Lo == Hi)
            {
                return Lo;
            }

            long value = 0;
            for (var i = 0; i < Bits.Length; i++)
            {
                if (!Aig.IsConstant(Bits[i]))
                {
                    return null;
                }

                value |= (long)(Bits[i] & 1) << i;
            }

            // Sign-extend a two's complement word narrower than 64 bits.
            return Signed && Width < 64 && (value & (1L << (Width - 1))) != 0 ? value - (1L << Width) : value;
        }
    }

    /// <summary>The word of a constant, as narrow as the value allows.</summary>
    public static AigWord Constant(long value)
    {
        var (w, _) = IntegerWidth.Of(value, value);
        var bits = new int[w];
        for (var i = 0; i < w; i++)
        {
            bits[i] = (int)((value >> i) & 1);
        }

        return new AigWord(bits, value, value);
    }

    /// <summary>The word of a bool literal.</summary>
    public static AigWord Bool(int lit) => lit switch
    {
        Aig.False => Constant(0),
        Aig.True => Constant(1),
        _ => new AigWord([lit], 0, 1),
    };

    /// <summary>The word of a value of <paramref name="type"/> held in <paramref name="bits"/>.</summary>
    public static AigWord Of(ScalarType type, int[] bits) => new(bits, IntegerWidth.Lo(type), IntegerWidth.Hi(type));

    /// <summary>Bits a value of <paramref name="type"/> is stored in.</summary>
    public static int WidthOf(ScalarType type) => IntegerWidth.Of(IntegerWidth.Lo(type), IntegerWidth.Hi(type)).Width;

    /// <summary>This word with its interval narrowed to its value when every bit turned out constant.</summary>
    public AigWord Tightened() => Lo != Hi && Const is { } c ? Constant(c) : this;
}

/// <summary>An expression's translation: its value, and the literal that is true when evaluating it raises a model error.</summary>
public readonly record struct AigValue(AigWord Word, int Error)
{
    public int Bit => Word.Bit;

    public static AigValue Of(AigWord word, int error = Aig.False) => new(word, error);

    public static AigValue Bool(int lit, int error = Aig.False) => new(AigWord.Bool(lit), error);
}
