using System.Runtime.CompilerServices;

namespace HvModel.Explicit;

/// <summary>
/// The visited set of a breadth-first search. States are packed words appended to one arena in
/// discovery order, so the arena is also the BFS queue. Besides its packed words a state costs
/// one predecessor index (4 bytes) and its share of an open-addressing hash table of indices
/// (4 bytes a slot, kept at most three quarters full): 9 to 16 bytes, by how full the
/// doubling arrays happen to be.
/// </summary>
public sealed class StateStore
{
    private readonly int words;
    private readonly long memoryBudget;
    private ulong[] arena;
    private int[] predecessor;
    private int[] table;
    private int mask;

    /// <param name="words">Words per packed state.</param>
    /// <param name="memoryBudget">
    /// Bytes the store may hold; growing past them ends the search (<see cref="SearchStopped"/>)
    /// instead of the process.
    /// </param>
    /// <param name="initialCapacity">States room is made for at first (fewer for very wide states).</param>
    public StateStore(int words, long memoryBudget = long.MaxValue, int initialCapacity = 1024)
    {
        this.words = words;
        this.memoryBudget = memoryBudget;
        initialCapacity = Math.Max(1, Math.Min(initialCapacity, (1 << 20) / words));
        CheckBudget(((long)initialCapacity * words * 8) + (initialCapacity * 4L) + (initialCapacity * 8L), initialCapacity);
        arena = new ulong[initialCapacity * words];
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

    /// <summary>Memory held per stored state, all structures included, at the current fill.</summary>
    public double BytesPerState => Count == 0 ? 0 : ((arena.Length * 8.0) + (predecessor.Length * 4.0) + (table.Length * 4.0)) / Count;

    /// <summary>Memory per state beyond its packed words (predecessor and hash slots), at the current fill.</summary>
    public double OverheadBytesPerState => Count == 0 ? 0 : ((predecessor.Length * 4.0) + (table.Length * 4.0)) / Count;

    public ReadOnlySpan<ulong> Get(int index) => arena.AsSpan(index * words, words);

    /// <summary>
    /// The states stored so far, for other threads to read while this one adds more
    /// (<see cref="ParallelExpansion"/>): growing allocates new arrays and leaves these as they
    /// were, and a slot of the hash table, once set, keeps its value.
    /// </summary>
    internal View Snapshot() => new(arena, table, mask, words, Count);

    /// <summary>The visited set as it was at a <see cref="Snapshot"/>: its states, and a lookup that finds only those.</summary>
    internal readonly struct View(ulong[] arena, int[] table, int mask, int words, int count)
    {
        public int Count => count;

        public ReadOnlySpan<ulong> Get(int index) => arena.AsSpan(index * words, words);

        /// <summary>
        /// The index of a state stored before the snapshot, or -1. A state added since may be
        /// missed or found: only indices below <see cref="Count"/>, whose words were written
        /// before the snapshot was taken, are trusted.
        /// </summary>
        public int Find(ReadOnlySpan<ulong> packed)
        {
            var slot = (int)Hash(packed) & mask;
            while (true)
            {
                var entry = Volatile.Read(ref table[slot]);
                if (entry == 0)
                {
                    return -1;
                }

                if (entry <= count && Get(entry - 1).SequenceEqual(packed))
                {
                    return entry - 1;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    public int Predecessor(int index) => predecessor[index];

    /// <summary>The index of a stored state, or -1.</summary>
    public int Find(ReadOnlySpan<ulong> packed)
    {
        var slot = (int)Hash(packed) & mask;
        while (table[slot] != 0)
        {
            if (Get(table[slot] - 1).SequenceEqual(packed))
            {
                return table[slot] - 1;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>Adds a state unless it is there; returns its index and whether it is new.</summary>
    public int Add(ReadOnlySpan<ulong> packed, int pred, out bool added)
    {
        var slot = (int)Hash(packed) & mask;
        while (true)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                break;
            }

            if (Get(entry - 1).SequenceEqual(packed))
            {
                added = false;
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        if (Count == int.MaxValue - 1)
        {
            throw new InvalidOperationException("state store full");
        }

        var index = Count;
        EnsureCapacity(index + 1);
        packed.CopyTo(arena.AsSpan(index * words, words));
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

    private void EnsureCapacity(int states)
    {
        if (states <= predecessor.Length)
        {
            return;
        }

        var capacity = (int)Math.Min(int.MaxValue - 1L, predecessor.Length * 2L);
        if ((long)capacity * words > Array.MaxLength)
        {
            throw new SearchStopped($"memory limit reached: {Count} states of {words * 8} bytes fill the largest array .NET allows");
        }

        CheckBudget(((long)capacity * words * 8) + (capacity * 4L) + (table.Length * 4L), capacity);
        Array.Resize(ref predecessor, capacity);
        Array.Resize(ref arena, capacity * words);
    }

    private void Rehash()
    {
        CheckBudget(((long)arena.Length * 8) + (predecessor.Length * 4L) + (table.Length * 8L), Count);
        table = new int[table.Length * 2];
        mask = table.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = (int)Hash(Get(i)) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = i + 1;
        }
    }

    private void CheckBudget(long bytes, long states)
    {
        if (bytes > memoryBudget)
        {
            throw new SearchStopped($"memory limit reached: room for {states} states of {words * 8} bytes would take {bytes >> 20} MiB, more than the {memoryBudget >> 20} MiB the visited set may use");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<ulong> packed)
    {
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var w in packed)
        {
            h ^= w;
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }

        return h ^ (h >> 29);
    }
}
