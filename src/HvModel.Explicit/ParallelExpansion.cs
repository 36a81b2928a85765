using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit.Compiled;

namespace HvModel.Explicit;

/// <summary>
/// Expands the parents of one BFS level on several threads, while the search stores their
/// successors on its own thread in the parents' order: the visited set, the least-trace
/// ranking and every count see the very calls a single thread makes, so the output is the same
/// for any number of workers. The level is cut into batches of consecutive parents. A worker
/// takes the next batch, and for each parent computes its successors with compiled code,
/// canonicalizes them under symmetry and packs them; the search takes the batches in order
/// (<see cref="Take"/>) and, while the batch it needs is not ready, expands the next unclaimed
/// one itself. At most <see cref="window"/> batches are ahead of the one the search stores, so
/// memory stays bounded.
/// </summary>
/// <remarks>
/// A parent whose compiled expansion meets a model error is marked, and the search expands it
/// again with the interpreter, which reports the exact error. The parents are read from a
/// snapshot of the visited set taken when the level was scheduled (<see cref="StateStore.View"/>),
/// and each successor is looked up there too, so the search's thread has only the states new
/// to the level left to look up and store.
/// </remarks>
internal sealed class ParallelExpansion : IDisposable
{
    /// <summary>Parents per batch: enough to make the hand-over's cost small, few enough to share a level out.</summary>
    public const int DefaultBatchSize = 64;

    private readonly int batchSize;

    private readonly StateCodec codec;
    private readonly Worker main;
    private readonly List<Worker> workers = [];
    private readonly List<Thread> threads = [];
    private readonly Batch[] ring;
    private readonly int window;
    private readonly object gate = new();

    // The level scheduled: the visited set as it began, its first parent and number of batches;
    // the next batch to claim and the next the search will take. Guarded by `gate`.
    private StateStore.View stored;
    private int first;
    private int end;
    private int batches;
    private int claimed;
    private int taken;
    private bool stopping;

    public ParallelExpansion(int threadCount, int batchSize, CompiledSuccessors compiled, Symmetry? symmetry, StateCodec codec, int slots)
    {
        this.codec = codec;
        this.batchSize = batchSize;
        main = new Worker(compiled.Fork(), symmetry?.Fork(), codec, slots);
        window = 4 * threadCount;
        ring = [.. Enumerable.Range(0, window).Select(_ => new Batch(codec.Words, batchSize))];
        for (var t = 1; t < threadCount; t++)
        {
            var worker = new Worker(compiled.Fork(), symmetry?.Fork(), codec, slots);
            workers.Add(worker);
            var thread = new Thread(() => Work(worker)) { IsBackground = true, Name = $"hvmodel worker {t}" };
            threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>The most tie permutations any worker tried for one state.</summary>
    public int Permutations => workers.Append(main).Max(w => w.Symmetry?.Permutations ?? 1);

    /// <summary>States the workers canonicalized, and how many of them their memos answered.</summary>
    public (long States, long Remembered) MemoUse => workers.Append(main).Aggregate((0L, 0L), (sum, w) => w.Symmetry is { MemoUse: var m } ? (sum.Item1 + m.States, sum.Item2 + m.Remembered) : sum);

    /// <summary>
    /// Expands the parents <paramref name="from"/> to <paramref name="to"/> - 1 of
    /// <paramref name="visited"/> from now on, and drops what is left of the level before.
    /// </summary>
    public void Schedule(StateStore.View visited, int from, int to)
    {
        lock (gate)
        {
            AbandonLocked();
            foreach (var batch in ring)
            {
                // Numbers start again at 0: a batch of the level before must not pass for one of this.
                batch.Start(-1, 0, 0, default);
            }

            stored = visited;
            first = from;
            end = to;
            batches = (to - from + batchSize - 1) / batchSize;
            claimed = 0;
            taken = 0;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// The batch holding <paramref name="parent"/>, the first parent of the next batch to take,
    /// once expanded. The search calls <see cref="Release"/> when it has stored it.
    /// </summary>
    public Batch Take(int parent)
    {
        var number = (parent - first) / batchSize;
        while (true)
        {
            Batch? mine = null;
            lock (gate)
            {
                var batch = ring[number % window];
                if (batch.Number == number && batch.Done)
                {
                    if (batch.Error is { } error)
                    {
                        // A fault in HvModel's own code on a worker: the search's own, as on one thread.
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                    }

                    return batch;
                }

                if (claimed < batches && claimed < taken + window)
                {
                    mine = Claim();
                }
                else
                {
                    Monitor.Wait(gate);
                }
            }

            if (mine is not null)
            {
                Expand(main, mine);
            }
        }
    }

    /// <summary>The search has stored the batch it took last: its room is free for another.</summary>
    public void Release()
    {
        lock (gate)
        {
            taken++;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Stops handing out the level's batches and waits for those being expanded.</summary>
    public void Abandon()
    {
        lock (gate)
        {
            AbandonLocked();
        }
    }

    private void AbandonLocked()
    {
        batches = claimed;
        while (ring.Any(b => b.Number >= taken && b.Number < claimed && !b.Done))
        {
            Monitor.Wait(gate);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            stopping = true;
            Monitor.PulseAll(gate);
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    // Called with the gate held.
    private Batch Claim()
    {
        var number = claimed++;
        var batch = ring[number % window];
        batch.Start(number, first + (number * batchSize), Math.Min(batchSize, end - first - (number * batchSize)), stored);
        return batch;
    }

    private void Work(Worker worker)
    {
        while (true)
        {
            Batch batch;
            lock (gate)
            {
                while (!stopping && !(claimed < batches && claimed < taken + window))
                {
                    Monitor.Wait(gate);
                }

                if (stopping)
                {
                    return;
                }

                batch = Claim();
            }

            Expand(worker, batch);
        }
    }

    private void Expand(Worker worker, Batch batch)
    {
        try
        {
            batch.Fill(worker, codec);
        }
        catch (Exception e)
        {
            batch.Error = e;
        }

        lock (gate)
        {
            batch.Done = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>What one thread expands with: its own compiled successor function, symmetry and buffers.</summary>
    internal sealed class Worker(CompiledSuccessors successors, Symmetry? symmetry, StateCodec codec, int slots)
    {
        public CompiledSuccessors Successors { get; } = successors;

        public Symmetry? Symmetry { get; } = symmetry;

        public int[] Parent { get; } = new int[slots];

        public int[] Next { get; } = new int[slots];

        public ulong[] Packed { get; } = new ulong[codec.Words];
    }

    /// <summary>
    /// The expansion of consecutive parents: per parent, its successors' action instances and
    /// packed canonical states, or a mark that the interpreter must expand it.
    /// </summary>
    internal sealed class Batch(int words, int size)
    {
        private readonly int[] starts = new int[size + 1];
        private readonly bool[] redo = new bool[size];
        private int[] instances = new int[size * 8];
        private ulong[] packed = new ulong[size * 8 * words];
        private int[] known = new int[size * 8];
        private StateStore.View stored;
        private int count;

        public int Number { get; private set; } = -1;

        public int First { get; private set; }

        /// <summary>The parents it holds.</summary>
        public int Count => count;

        /// <summary>Set (under the gate) once every parent of the batch is expanded.</summary>
        public bool Done { get; set; }

        /// <summary>What the expansion threw, if it did: thrown again on the search's thread.</summary>
        public Exception? Error { get; set; }

        public void Start(int number, int firstParent, int parents, StateStore.View visited)
        {
            Number = number;
            First = firstParent;
            count = parents;
            stored = visited;
            Done = false;
            Error = null;
        }

        /// <summary>Whether parent <paramref name="k"/> of the batch met a model error in compiled code.</summary>
        public bool Redo(int k) => redo[k];

        /// <summary>The successors of parent <paramref name="k"/>, as indices into <see cref="Instance"/> and <see cref="State"/>.</summary>
        public (int From, int To) Successors(int k) => (starts[k], starts[k + 1]);

        public int Instance(int i) => instances[i];

        public ReadOnlySpan<ulong> State(int i) => packed.AsSpan(i * words, words);

        /// <summary>The index of successor <paramref name="i"/> in the visited set when it was stored before the level began, else -1.</summary>
        public int Known(int i) => known[i];

        public void Fill(Worker worker, StateCodec codec)
        {
            var n = 0;
            for (var k = 0; k < count; k++)
            {
                starts[k] = n;
                codec.Unpack(stored.Get(First + k), worker.Parent);
                var buffer = worker.Successors.TrySuccessors(worker.Parent);
                redo[k] = buffer is null;
                if (buffer is null)
                {
                    continue;
                }

                worker.Symmetry?.Expanding(worker.Parent);
                for (var i = 0; i < buffer.Count; i++)
                {
                    buffer.State(i).CopyTo(worker.Next);
                    Add(n++, buffer.Instance(i), Canonical(worker), worker.Packed);
                }

                worker.Symmetry?.Expanding(null);
            }

            starts[count] = n;
            stored = default;
        }

        /// <summary>
        /// Canonicalizes and packs the successor in <see cref="Worker.Next"/>, and looks it up
        /// among the states stored before the level began: most successors were, and the search's
        /// thread then has no lookup left to make.
        /// </summary>
        private int Canonical(Worker worker)
        {
            if (worker.Symmetry is not { } symmetry)
            {
                worker.Successors.Pack(worker.Next, worker.Packed);
                return stored.Find(worker.Packed);
            }

            symmetry.Canonicalize(worker.Next, worker.Packed);
            return stored.Find(worker.Packed);
        }

        private void Add(int i, int instance, int index, ulong[] state)
        {
            if (i == instances.Length)
            {
                Array.Resize(ref instances, i * 2);
                Array.Resize(ref known, i * 2);
                Array.Resize(ref packed, i * 2 * words);
            }

            instances[i] = instance;
            known[i] = index;
            state.CopyTo(packed.AsSpan(i * words, words));
        }
    }
}
