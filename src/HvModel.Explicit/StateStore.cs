using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HvModel.Explicit;

/// <summary>
/// The visited set of a breadth-first search, in one of two modes.
/// <list type="bullet">
/// <item>Exact: states are packed words appended to one arena in discovery order, so the arena
/// is also the BFS queue. Besides its packed words a state costs one predecessor index (4 bytes)
/// and its share of an open-addressing hash table of indices (4 bytes a slot, kept at most
/// three quarters full): 9 to 16 bytes, by how full the doubling arrays happen to be.</item>
/// <item>Fingerprints (<c>--fingerprint</c>, as TLC): the arena keeps a 64-bit hash of each
/// state instead of the state, and a separate queue keeps the packed states not yet expanded
/// (the level being expanded and the next one: <see cref="Release"/>). Two states with one
/// fingerprint count as one, so a state may be missed: with n states that happens with
/// probability at most <see cref="CollisionProbability"/>.</item>
/// </list>
/// </summary>
public sealed class StateStore
{
    private readonly int words;
    private readonly int keyWords;
    private readonly long memoryBudget;

    // Per state, keyWords words: the packed state itself, or its fingerprint.
    private ulong[] keys;
    private int[] predecessor;
    private int[] table;
    private int mask;

    // Fingerprints only: the packed states from queueBase on, in discovery order, and the
    // first `roots` states (the initial ones, where traces start), kept whole for good.
    private ulong[] queue;
    private int queueBase;
    private ulong[] rootStates = [];
    private int roots;

    /// <param name="words">Words per packed state.</param>
    /// <param name="memoryBudget">
    /// Bytes the store may hold; growing past them ends the search (<see cref="SearchStopped"/>)
    /// instead of the process.
    /// </param>
    /// <param name="initialCapacity">States room is made for at first (fewer for very wide states).</param>
    /// <param name="fingerprints">Keep a 64-bit fingerprint of each state rather than the state.</param>
    public StateStore(int words, long memoryBudget = long.MaxValue, int initialCapacity = 1024, bool fingerprints = false)
    {
        this.words = words;
        this.memoryBudget = memoryBudget;
        Fingerprints = fingerprints;
        keyWords = fingerprints ? 1 : words;
        initialCapacity = Math.Max(1, Math.Min(initialCapacity, (1 << 20) / words));
        var queueWords = fingerprints ? initialCapacity * words : 0;
        CheckBudget(((long)initialCapacity * keyWords * 8) + (queueWords * 8L) + (initialCapacity * 4L) + (initialCapacity * 8L), initialCapacity);
        keys = new ulong[initialCapacity * keyWords];
        queue = new ulong[queueWords];
        predecessor = new int[initialCapacity];
        var size = 1;
        while (size * 3L < initialCapacity * 4L)
        {
            size <<= 1;
        }

        table = new int[size];
        mask = size - 1;
    }

    public int Count { get; private set; }

    public int Words => words;

    /// <summary>True when states are kept as fingerprints (see the type's remarks).</summary>
    public bool Fingerprints { get; }

    /// <summary>
    /// Under fingerprints, the probability that two of the states stored share a fingerprint
    /// (and one of them, with what only it leads to, was missed): n(n-1)/2^65 for n states, the
    /// chance that n random 64-bit values are not all distinct, at most. Null for an exact store.
    /// </summary>
    public double? CollisionProbability => Fingerprints ? Count * (Count - 1.0) / Math.Pow(2, 65) : null;

    /// <summary>Memory held per stored state, all structures included, at the current fill.</summary>
    public double BytesPerState => Count == 0 ? 0 : HeldBytes() / (double)Count;

    /// <summary>Memory per state beyond its key (its packed words, or its fingerprint), at the current fill.</summary>
    public double OverheadBytesPerState => Count == 0 ? 0 : (HeldBytes() - (keys.Length * 8.0)) / Count;

    /// <summary>
    /// The packed words of a state. Under fingerprints only the states not yet released are
    /// kept (from the level being expanded on).
    /// </summary>
    public ReadOnlySpan<ulong> Get(int index)
    {
        if (!Fingerprints)
        {
            return keys.AsSpan(index * words, words);
        }

        if (index < roots)
        {
            return rootStates.AsSpan(index * words, words);
        }

        if (index < queueBase)
        {
            throw new InvalidOperationException($"state {index} was released (only states from {queueBase} on are kept under fingerprints)");
        }

        return queue.AsSpan((index - queueBase) * words, words);
    }

    /// <summary>Whether the stored state <paramref name="index"/> is <paramref name="packed"/> (under fingerprints: has its fingerprint).</summary>
    public bool Holds(int index, ReadOnlySpan<ulong> packed) =>
        Fingerprints ? keys[index] == Fingerprint(packed) : keys.AsSpan(index * words, words).SequenceEqual(packed);

    /// <summary>Keeps the first <paramref name="count"/> states whole for good, whatever is released (the initial states, where traces start).</summary>
    public void KeepWhole(int count)
    {
        if (!Fingerprints || count <= roots)
        {
            return;
        }

        if (roots > 0 || queueBase > 0)
        {
            throw new InvalidOperationException("the states kept whole are chosen once, before any is released");
        }

        rootStates = queue.AsSpan(0, count * words).ToArray();
        roots = count;
    }

    /// <summary>
    /// Under fingerprints, forgets the packed states before <paramref name="index"/> (examined
    /// and expanded: only their fingerprints are needed). Nothing for an exact store. A new
    /// array takes the rest, so that readers of a <see cref="Snapshot"/> still see theirs.
    /// </summary>
    public void Release(int index)
    {
        if (!Fingerprints || index <= queueBase)
        {
            return;
        }

        var kept = Count - index;
        var room = Math.Min(Math.Max(kept, 1024) * 2L * words, Math.Max((long)kept * words, Array.MaxLength));
        CheckBudget(HeldBytes() - (queue.Length * 8L) + (room * 8), Count);
        var next = new ulong[room];
        queue.AsSpan((index - queueBase) * words, kept * words).CopyTo(next);
        queue = next;
        queueBase = index;
    }

    /// <summary>
    /// The states stored so far, for other threads to read while this one adds more
    /// (<see cref="ParallelExpansion"/>): growing allocates new arrays and leaves these as they
    /// were, and a slot of the hash table, once set, keeps its value.
    /// </summary>
    internal View Snapshot() => new(this);

    /// <summary>The visited set as it was at a <see cref="Snapshot"/>: its states, and a lookup that finds only those.</summary>
    internal readonly struct View
    {
        private readonly ulong[] keys;
        private readonly int[] table;
        private readonly int mask;
        private readonly int words;
        private readonly bool fingerprints;
        private readonly ulong[] queue;
        private readonly int queueBase;

        public View(StateStore store)
        {
            keys = store.keys;
            table = store.table;
            mask = store.mask;
            words = store.words;
            fingerprints = store.Fingerprints;
            queue = store.queue;
            queueBase = store.queueBase;
            Count = store.Count;
        }

        public int Count { get; }

        /// <summary>A state's packed words (under fingerprints, one not released at the snapshot).</summary>
        public ReadOnlySpan<ulong> Get(int index) =>
            fingerprints ? queue.AsSpan((index - queueBase) * words, words) : keys.AsSpan(index * words, words);

        /// <summary>
        /// The index of a state stored before the snapshot, or -1. A state added since may be
        /// missed or found: only indices below <see cref="Count"/>, whose words were written
        /// before the snapshot was taken, are trusted.
        /// </summary>
        public int Find(ReadOnlySpan<ulong> packed)
        {
            var fingerprint = fingerprints ? Fingerprint(packed) : 0;
            var slot = Slot(fingerprints, fingerprint, packed, mask);
            while (true)
            {
                var entry = Volatile.Read(ref table[slot]);
                if (entry == 0)
                {
                    return -1;
                }

                if (entry <= Count && IsEntry(keys, entry - 1, fingerprints, fingerprint, packed))
                {
                    return entry - 1;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    public int Predecessor(int index) => predecessor[index];

    /// <summary>The index of a stored state, or -1.</summary>
    public int Find(ReadOnlySpan<ulong> packed) => Lookup(packed, Fingerprints ? Fingerprint(packed) : 0, out _);

    /// <summary>Adds a state unless it is there; returns its index and whether it is new.</summary>
    public int Add(ReadOnlySpan<ulong> packed, int pred, out bool added)
    {
        var fingerprint = Fingerprints ? Fingerprint(packed) : 0;
        var found = Lookup(packed, fingerprint, out var slot);
        if (found >= 0)
        {
            added = false;
            return found;
        }

        if (Count == int.MaxValue - 1)
        {
            throw new InvalidOperationException("state store full");
        }

        var index = Count;
        EnsureCapacity(index + 1);
        if (Fingerprints)
        {
            keys[index] = fingerprint;
            packed.CopyTo(queue.AsSpan((index - queueBase) * words, words));
        }
        else
        {
            packed.CopyTo(keys.AsSpan(index * words, words));
        }

        predecessor[index] = pred;
        table[slot] = index + 1;
        Count++;
        if (Count * 4L > table.Length * 3L)
        {
            Rehash();
        }

        added = true;
        return index;
    }

    // The index of a state (or -1 and the free slot where it would go).
    private int Lookup(ReadOnlySpan<ulong> packed, ulong fingerprint, out int slot)
    {
        slot = Slot(Fingerprints, fingerprint, packed, mask);
        while (table[slot] is var entry and not 0)
        {
            if (IsEntry(keys, entry - 1, Fingerprints, fingerprint, packed))
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    private void EnsureCapacity(int states)
    {
        if (Fingerprints && (states - queueBase) * (long)words > queue.Length)
        {
            var room = Math.Max(1024L, (states - queueBase) * 2L) * words;
            if (room > Array.MaxLength)
            {
                throw new SearchStopped($"memory limit reached: {states - queueBase} states of {words * 8} bytes to expand fill the largest array .NET allows");
            }

            CheckBudget(HeldBytes() + (room * 8), states);
            Array.Resize(ref queue, (int)room);
        }

        if (states <= predecessor.Length)
        {
            return;
        }

        var capacity = (int)Math.Min(int.MaxValue - 1L, predecessor.Length * 2L);
        if ((long)capacity * keyWords > Array.MaxLength)
        {
            throw new SearchStopped($"memory limit reached: {Count} states of {keyWords * 8} bytes fill the largest array .NET allows");
        }

        CheckBudget(((long)capacity * keyWords * 8) + (queue.Length * 8L) + (capacity * 4L) + (table.Length * 4L), capacity);
        Array.Resize(ref predecessor, capacity);
        Array.Resize(ref keys, capacity * keyWords);
    }

    private void Rehash()
    {
        CheckBudget(HeldBytes() + (table.Length * 4L), Count);
        table = new int[table.Length * 2];
        mask = table.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = (int)(Fingerprints ? keys[i] : Hash(keys.AsSpan(i * words, words))) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = i + 1;
        }
    }

    private long HeldBytes() => (keys.Length * 8L) + (queue.Length * 8L) + (rootStates.Length * 8L) + (predecessor.Length * 4L) + (table.Length * 4L);

    private void CheckBudget(long bytes, long states)
    {
        if (bytes > memoryBudget)
        {
            throw new SearchStopped($"memory limit reached: room for {states} states of {keyWords * 8} bytes would take {bytes >> 20} MiB, more than the {memoryBudget >> 20} MiB the visited set may use");
        }
    }

    // The first slot to probe for a state: its fingerprint, already a hash, or a hash of its words.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(bool fingerprints, ulong fingerprint, ReadOnlySpan<ulong> packed, int mask) =>
        (int)(fingerprints ? fingerprint : Hash(packed)) & mask;

    // Whether state `index`'s key is that of `packed` (its fingerprint, or its words), for the store and its snapshots alike.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEntry(ulong[] keys, int index, bool fingerprints, ulong fingerprint, ReadOnlySpan<ulong> packed) =>
        fingerprints ? keys[index] == fingerprint : SameState(keys, index * packed.Length, packed);

    /// <summary>
    /// Whether the words of a stored state are <paramref name="packed"/>: most states take one
    /// to three words, compared in line (through SequenceEqual's call, a sixth of the search's time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameState(ulong[] keys, int at, ReadOnlySpan<ulong> packed) => packed.Length switch
    {
        1 => keys[at] == packed[0],
        2 => keys[at] == packed[0] && keys[at + 1] == packed[1],
        3 => keys[at] == packed[0] && keys[at + 1] == packed[1] && keys[at + 2] == packed[2],
        _ => keys.AsSpan(at, packed.Length).SequenceEqual(packed),
    };

    /// <summary>A state's fingerprint: XXH3's 64 bits of its packed words (TLC uses 64-bit fingerprints too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fingerprint(ReadOnlySpan<ulong> packed) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(packed));

    private static ulong Hash(ReadOnlySpan<ulong> packed) => PackedHash.Of(packed);
}
