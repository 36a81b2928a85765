namespace HvModel.Explicit.Compiled;

/// <summary>
/// The successors of one state, as compiled transitions produce them: instance numbers and
/// next states, in one flat growing array reused from state to state. They are handed on only
/// once the whole state ran without a model error (else the interpreter runs it again).
/// </summary>
public sealed class SuccessorBuffer(int slots)
{
    private int[] states = new int[Math.Max(1, slots) * 64];
    private int[] instances = new int[64];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>
    /// When set, each outcome is handed to it as it comes instead of being kept (the init
    /// block's, which may be millions). The array is the compiled code's own: copy it to change it.
    /// </summary>
    public Action<int[]>? Sink { get; set; }

    /// <summary>When set, called for each value a compiled choice examines (see <see cref="StmtCompiler.Init"/>).</summary>
    public Action? OnChoice { get; set; }

    public void Choice() => OnChoice?.Invoke();

    /// <summary>Records that instance <paramref name="instance"/> leads to <paramref name="state"/> (copied).</summary>
    public void Add(int instance, int[] state)
    {
        if (Sink is { } sink)
        {
            sink(state);
            return;
        }

        if (Count == instances.Length)
        {
            Array.Resize(ref instances, Count * 2);
            Array.Resize(ref states, Count * 2 * slots);
        }

        state.AsSpan(0, slots).CopyTo(states.AsSpan(Count * slots, slots));
        instances[Count++] = instance;
    }

    public int Instance(int i) => instances[i];

    public ReadOnlySpan<int> State(int i) => states.AsSpan(i * slots, slots);

    /// <summary>Copies a whole state array (compiled code's branch point: each branch starts from the state before the choice).</summary>
    public static void Copy(int[] from, int[] to) => from.AsSpan().CopyTo(to);
}
