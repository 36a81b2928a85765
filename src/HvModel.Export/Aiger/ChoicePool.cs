using HvModel.Core.Ir;

namespace HvModel.Export.Aiger;

/// <summary>
/// The inputs that carry the values of <c>any</c> choices. One step runs one action instance,
/// so every instance can draw its choices from the same inputs: its k-th choice (in the order
/// the body reaches them, loops unrolled) takes pool entry k, which grows to the widest value
/// any instance needs there. The init block draws from the same pool in the first step.
/// </summary>
public sealed class ChoicePool(Aig g, WordArithmetic arithmetic)
{
    private readonly List<List<int>> entries = [];
    private int next;

    /// <summary>The input literals of each entry, least significant bit first.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Entries => entries;

    /// <summary>Starts a new instance's (or the init block's) choices at entry 0.</summary>
    public void Reset() => next = 0;

    /// <summary>True when something drew from the pool since the last <see cref="Reset"/>.</summary>
    public bool Used => next > 0;

    /// <summary>
    /// The next choice of a value of <paramref name="type"/>, and the literal that the inputs
    /// hold a value of the type (they may hold any bit pattern of the type's width).
    /// </summary>
    public (AigWord Value, int InRange) Next(ScalarType type)
    {
        var width = AigWord.WidthOf(type);
        if (next == entries.Count)
        {
            entries.Add([]);
        }

        var entry = entries[next++];
        while (entry.Count < width)
        {
            entry.Add(g.NewInput());
        }

        var bits = entry.Take(width).ToArray();
        var (lo, hi) = (IntegerWidth.Lo(type), IntegerWidth.Hi(type));

        // Every pattern of the width, read with the type's signedness.
        var raw = lo < 0
            ? new AigWord(bits, -(1L << (width - 1)), (1L << (width - 1)) - 1)
            : new AigWord(bits, 0, width >= 63 ? long.MaxValue : (1L << width) - 1);
        return (AigWord.Of(type, bits), Aig.Not(arithmetic.Outside(raw, lo, hi)));
    }
}
