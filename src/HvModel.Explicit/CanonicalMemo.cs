namespace HvModel.Explicit;

/// <summary>
/// A small memo of the canonical form: packed state to packed representative, direct-mapped
/// (a new entry replaces whatever shared its place). The canonical form is a function of the
/// state alone, so a remembered answer is the answer, and no result depends on what the memo
/// kept. It pays because successors repeat, and soon: v3 at 4x3 canonicalizes 3.86 M
/// successors of stored states, only 0.52 M of them distinct, and a memo of 8,192 entries
/// answers about 80% of them. A larger one answers a few more but, out of the processor's
/// cache, runs slower (in the first trials, 16,384 entries by 6% and 262,144 by 15%).
/// </summary>
internal sealed class CanonicalMemo
{
    /// <summary>About the memory one memo takes: it must stay in the processor's cache.</summary>
    public const int TargetBytes = 384 << 10;

    // Entry i: a tag (the key's hash with its low bit set; 0 when empty), the key's words, then
    // the value's words (the representative's, and whatever else a caller keeps with it).
    private readonly ulong[] entries;
    private readonly int words;
    private readonly int valueWords;
    private readonly int stride;
    private readonly int mask;

    /// <summary>A memo of states of <paramref name="words"/> words; a value is the representative, or <paramref name="valueWords"/> words beginning with it.</summary>
    public CanonicalMemo(int words, int? valueWords = null)
    {
        this.words = words;
        this.valueWords = valueWords ?? words;
        stride = 1 + words + this.valueWords;
        var capacity = 256;
        while (capacity * 2L * stride * sizeof(ulong) <= TargetBytes)
        {
            capacity *= 2;
        }

        mask = capacity - 1;
        entries = new ulong[capacity * stride];
    }

    /// <summary>States whose representative the memo gave.</summary>
    public long Hits { get; private set; }

    /// <summary>States it did not have.</summary>
    public long Misses { get; private set; }

    /// <summary>Copies the representative of <paramref name="state"/> (the value kept for it) into <paramref name="representative"/> when the memo has it.</summary>
    public bool TryGet(ulong[] state, ulong[] representative)
    {
        var tag = Tag(state);
        var at = Place(tag);
        if (entries[at] == tag && state.AsSpan().SequenceEqual(entries.AsSpan(at + 1, words)))
        {
            entries.AsSpan(at + 1 + words, valueWords).CopyTo(representative);
            Hits++;
            return true;
        }

        Misses++;
        return false;
    }

    public void Put(ulong[] state, ulong[] representative)
    {
        var at = Place(Tag(state));
        entries[at] = Tag(state);
        state.AsSpan().CopyTo(entries.AsSpan(at + 1, words));
        representative.AsSpan(0, valueWords).CopyTo(entries.AsSpan(at + 1 + words, valueWords));
    }

    // The tag's high half picks the place, so that its low bit (always set) says nothing.
    private int Place(ulong tag) => (int)((tag >> 32) & (ulong)mask) * stride;

    private static ulong Tag(ulong[] state) => PackedHash.Of(state) | 1;
}
