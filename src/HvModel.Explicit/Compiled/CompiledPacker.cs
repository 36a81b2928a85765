using System.Linq.Expressions;
using HvModel.Core.Evaluation;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// <see cref="StateCodec.Pack"/> compiled for one model: the codec's layout, bit for bit, as
/// straight-line code with every word, shift and offset a constant. Packing runs once per
/// transition, so once successors are compiled it is the next cost.
/// </summary>
public static class CompiledPacker
{
    public static Action<int[], ulong[]> Compile(StateCodec codec)
    {
        var state = Expression.Parameter(typeof(int[]), "state");
        var packed = Expression.Parameter(typeof(ulong[]), "packed");
        var words = Words(codec, s => Expression.ArrayIndex(state, Expression.Constant(s)));
        return Expression.Lambda<Action<int[], ulong[]>>(Assign(words, packed), "pack", [state, packed]).Compile();
    }

    /// <summary>
    /// Each packed word as an expression over the slots' values (<paramref name="value"/> of a
    /// slot: the value to store, valid for its type, since compiled code stores valid values only).
    /// </summary>
    internal static Expression[] Words(StateCodec codec, Func<int, Expression> value)
    {
        var words = new Expression?[codec.Words];
        for (var s = 0; s < codec.Slots; s++)
        {
            if (codec.BitsOf(s) == 0)
            {
                continue;
            }

            var first = codec.FirstOf(s);
            var v = value(s);
            var ordinal = first == 0 ? v : Expression.Subtract(v, Expression.Constant(first));
            var field = Expression.Convert(Expression.Convert(ordinal, typeof(uint)), typeof(ulong));
            var placed = codec.ShiftOf(s) == 0 ? (Expression)field : Expression.LeftShift(field, Expression.Constant(codec.ShiftOf(s)));
            var w = codec.WordOf(s);
            words[w] = words[w] is { } sofar ? Expression.Or(sofar, placed) : placed;
        }

        return [.. words.Select(w => w ?? Expression.Constant(0UL))];
    }

    /// <summary>Stores each word's expression in <paramref name="packed"/>.</summary>
    internal static Expression Assign(Expression[] words, ParameterExpression packed) =>
        Expression.Block(words.Select((w, i) => (Expression)Expression.Assign(Expression.ArrayAccess(packed, Expression.Constant(i)), w)));
}
