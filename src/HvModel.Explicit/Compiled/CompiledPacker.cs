using System.Linq.Expressions;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// <see cref="StateCodec.Pack"/> compiled for one model: the same layout (each slot's ordinal in
/// the fewest bits, no slot across two words), bit for bit, as straight-line code with every
/// word, shift and offset a constant. Packing runs once per transition, so once successors are
/// compiled it is the next cost.
/// </summary>
public static class CompiledPacker
{
    public static Action<int[], ulong[]> Compile(IReadOnlyList<Slot> slots)
    {
        var state = Expression.Parameter(typeof(int[]), "state");
        var packed = Expression.Parameter(typeof(ulong[]), "packed");
        var words = new List<Expression?>();
        var w = 0;
        var used = 0;
        foreach (var slot in slots)
        {
            var bits = slot.Type.Bits;
            if (used + bits > 64)
            {
                w++;
                used = 0;
            }

            while (words.Count <= w)
            {
                words.Add(null);
            }

            if (bits > 0)
            {
                // The ordinal of a valid value (compiled transitions store valid values only).
                var value = Expression.ArrayIndex(state, Expression.Constant(slot.Index));
                var lo = slot.Type.FirstValue;
                var ordinal = lo == 0 ? value : Expression.Subtract(value, Expression.Constant(lo));
                var field = Expression.Convert(Expression.Convert(ordinal, typeof(uint)), typeof(ulong));
                var placed = used == 0 ? (Expression)field : Expression.LeftShift(field, Expression.Constant(used));
                words[w] = words[w] is { } sofar ? Expression.Or(sofar, placed) : placed;
            }

            used += bits;
        }

        var body = new List<Expression>();
        for (var i = 0; i < Math.Max(1, words.Count); i++)
        {
            var word = i < words.Count ? words[i] ?? Expression.Constant(0UL) : Expression.Constant(0UL);
            body.Add(Expression.Assign(Expression.ArrayAccess(packed, Expression.Constant(i)), word));
        }

        return Expression.Lambda<Action<int[], ulong[]>>(Expression.Block(body), "pack", [state, packed]).Compile();
    }
}
