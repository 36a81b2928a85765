namespace HvModel.Core.Evaluation;

/// <summary>
/// States (one value per slot, as the evaluator keeps them) compared by value, for the sets and
/// maps of states that review and inference keep beside the engines' packed stores.
/// </summary>
public sealed class StateEquality : IEqualityComparer<int[]>
{
    public static readonly StateEquality Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var h = new HashCode();
        h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return h.ToHashCode();
    }
}
