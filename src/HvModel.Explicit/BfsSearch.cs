using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using HvModel.Explicit.Compiled;

namespace HvModel.Explicit;

/// <summary>
/// One breadth-first search of one variant, checking all its properties in one pass. Its parts
/// stay apart, as TLC keeps them: the successor function (which also packs states), symmetry,
/// the visited set (<see cref="StateStore"/>, whose arena in BFS order is also the frontier:
/// a level ends where the next begins) and the trace builder. The search holds what binds
/// them: the levels, the verdicts found, a deferred model error, and the count of states and
/// transitions.
/// </summary>
internal sealed class BfsSearch
{
    private readonly Model model;
    private readonly Variant variant;
    private readonly IReadOnlyList<PropertyDef> properties;
    private readonly CheckOptions options;
    private readonly IExplorationObserver? observer;
    private readonly SearchLimits limits;
    private readonly Semantics semantics;
    private readonly StateCodec codec;
    private readonly ISuccessorFunction successors;
    private readonly Symmetry? symmetry;

    // An observer that follows identities under symmetry, and the buffer its renamings go through (null: none).
    private readonly IRenamingObserver? renamer;
    private readonly int[][]? renaming;

    // A new state unpacked for the watcher.
    private readonly int[] discovered;
    private readonly StateStore store;
    private readonly TraceBuilder builder;
    private readonly LeastTraceRanking ranking;
    private readonly bool checkDeadlock;
    private readonly bool stopAtLastVerdict;

    // A model whose statements nest too deep to run is not run at all (see ExecutionDepth).
    private readonly string? tooDeep;

    private readonly ulong[] packed;

    private readonly int[] state;

    // Per property, the stored states where its verdict shows, of the level where it showed
    // first (the first of them decides it; none: undecided yet), and that level: the
    // least-trace rule chooses among them, so nothing is evaluated again after the search.
    private readonly List<int>[] witnesses;
    private readonly int[] foundLevel;
    private int undecided;

    // Once every verdict is known, the search still examines (expands nothing) up to here: the
    // end of the level where the last one showed, so that its witnesses are all recorded.
    private int examineUntil;
    private int deadlock = -1;

    private long transitions;

    // When the initial states were stored and the search from them began (null: it never did).
    private TimeSpan? searchStart;

    // When compiled code first expanded a state, and the transitions made before it (null: never).
    private (TimeSpan Clock, long Transitions)? compiledFrom;
    private int depth;
    private int deepest;
    private int levelEnd;
    private readonly List<int> levelStarts = [0];
    private int cursor;
    private int examined;

    // Workers that expand a level's parents (made once successors are compiled and a level is
    // large enough), the batch of theirs being stored, and where the level scheduled ends.
    private readonly int batchSize;
    private ParallelExpansion? parallel;
    private ParallelExpansion.Batch? batch;
    private int scheduledEnd;
    private long expandedByWorkers;

    // A model error found (in a property, or in a step) and the depth it counts at.
    private ModelRuntimeFailure? failure;
    private int failureDepth = int.MaxValue;
    private (ModelRuntimeError Error, ActionDef? Action, int[] Args)? pendingError;

    public BfsSearch(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options, int? compileAfter, IExplorationObserver? observer, int batchSize = ParallelExpansion.DefaultBatchSize, int tieLimit = Symmetry.MaxPermutations)
    {
        this.batchSize = batchSize;
        this.model = model;
        this.variant = variant;
        this.properties = properties;
        this.options = options;
        this.observer = observer;
        limits = new SearchLimits(options);
        semantics = new Semantics(model, variant);
        codec = new StateCodec(model.Slots);
        successors = compileAfter is { } after ? new AdaptiveSuccessors(semantics, properties, codec, after) : new InterpretedSuccessors(semantics, properties, codec);
        tooDeep = ExecutionDepth.Problem(model);
        symmetry = options.Symmetry && tooDeep is null ? Symmetry.For(model, tieLimit) : null;
        if (symmetry is not null && observer is IRenamingObserver r)
        {
            renamer = r;
            renaming = symmetry.NewRenaming();
            r.Reduces(symmetry.Fork());
        }

        store = new StateStore(codec.Words, limits.MemoryBudget, fingerprints: options.Fingerprints);
        builder = new TraceBuilder(semantics, codec, symmetry, store);
        ranking = new LeastTraceRanking(model, successors, codec, symmetry, store, levelStarts);
        packed = new ulong[codec.Words];
        state = new int[model.Slots.Length];
        discovered = new int[model.Slots.Length];
        foundLevel = new int[properties.Count];
        witnesses = [.. properties.Select(_ => new List<int>())];
        undecided = properties.Count;
        examineUntil = properties.Count == 0 ? 0 : int.MaxValue;
        checkDeadlock = DeadlockPolicy.Searched(model, variant, options);

        // Stop at the last verdict only when there is one to wait for: a model with nothing to
        // check is explored in full and counted, as SPIN and TLC do.
        stopAtLastVerdict = !options.Exhaustive && (properties.Count > 0 || checkDeadlock);
    }

    /// <summary>The search's statistics, once <see cref="Run"/> has returned.</summary>
    public ExplorationStats? Stats { get; private set; }

    /// <summary>Searches, then gives a result per property and the deadlock cell (as the engine named <paramref name="engine"/> reports it).</summary>
    public IReadOnlyList<CheckResult> Run(IEngine engine)
    {
        var cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

        // Symmetry set-up may itself have taken the time allowed.
        var stopReason = tooDeep ?? limits.Exceeded();
        try
        {
            if (stopReason is null)
            {
                Start();
                searchStart = limits.Clock.Elapsed;
                stopReason = Explore();
            }
        }
        catch (SearchStopped stop)
        {
            stopReason = stop.Message;
        }
        finally
        {
            parallel?.Dispose();
        }

        if (stopReason is not null && failure is null && !options.Cancellation.IsCancellationRequested)
        {
            // Stopped at a limit: the states stored but not yet examined may still show a
            // verdict. Every level before theirs was examined in full, so a violation found among
            // them is still a shortest one. Bounded by the time limit's grace: what is left
            // unexamined may leave a verdict unknown, or a witness unranked (see LeastTrace).
            for (; examined < store.Count && (undecided > 0 || examined < examineUntil) && !limits.Overtime(); examined++)
            {
                Examine(examined);
            }
        }

        if (failure is not null && (!stopAtLastVerdict || undecided > 0 || (checkDeadlock && deadlock < 0)))
        {
            // Some verdict, or the full exploration asked for, would need a path past the error:
            // the model is at fault, not the property.
            throw failure;
        }

        var complete = stopReason is null && cursor >= store.Count && failure is null;
        var seconds = limits.Clock.Elapsed.TotalSeconds;
        var searchSeconds = searchStart is { } began ? (limits.Clock.Elapsed - began).TotalSeconds : 0;
        Stats = new ExplorationStats(variant.Name, store.Count, transitions, deepest, seconds, codec.TotalBits, codec.Words, store.BytesPerState, store.OverheadBytesPerState, Math.Max(symmetry?.Permutations ?? 1, parallel?.Permutations ?? 1), complete)
        {
            Stopped = complete ? null : stopReason ?? "the search stopped once every verdict was known",
            SuccessorFunction = successors.Describe(),
            RankingBytesPerState = store.Count == 0 ? 0 : (double)ranking.RetainedBytes / store.Count,
            SearchSeconds = searchSeconds,
            CompiledSeconds = compiledFrom is { } c ? (limits.Clock.Elapsed - c.Clock).TotalSeconds : 0,
            CompiledTransitions = compiledFrom is { } d ? transitions - d.Transitions : 0,
            CpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds,
            Workers = options.Workers,
            ExpandedByWorkers = expandedByWorkers,
            CollisionProbability = store.CollisionProbability,
            SymmetryMemo = symmetry is null ? null : Remembered(symmetry.MemoUse, parallel?.MemoUse ?? (0, 0)),
        };
        return Results(engine, complete, seconds, stopReason);
    }

    /// <summary>The share of canonicalized states that the symmetry memos answered (null when none was canonicalized).</summary>
    private static double? Remembered((long States, long Remembered) search, (long States, long Remembered) workers) =>
        search.States + workers.States == 0 ? null : (double)(search.Remembered + workers.Remembered) / (search.States + workers.States);

    /// <summary>Stores the initial states (level 0).</summary>
    private void Start()
    {
        try
        {
            // A choice over a huge range may examine values for long without storing a state: the limits apply there too.
            var storeInitial = StoreInitial();
            var compiled = successors is AdaptiveSuccessors ? CompiledInitialStates.For(semantics) : null;
            if (compiled is null || !compiled.TryRun(storeInitial, limits.Tick))
            {
                semantics.InitialStates(storeInitial, new RunObserver { OnChoiceValue = limits.Tick });
            }
        }
        catch (ModelRuntimeError e)
        {
            throw new ModelRuntimeFailure(model, e, new Trace([]), null, [], variant.Name);
        }

        if (store.Count == 0)
        {
            // Nothing to explore would make every invariant hold: the model's error.
            throw InitialStateCheck.Refused(model, variant);
        }

        levelEnd = store.Count;
        ranking.LevelComplete(0);

        // Traces start from stored initial states (see TraceBuilder): fingerprints keep them whole.
        store.KeepWhole(store.Count);
    }

    /// <summary>
    /// Stores an outcome of the init block. The block may give one state many times (v3 at 4x4:
    /// 2^16 x 4^4 = 16.7 million outcomes for 685 states up to symmetry): one given before is
    /// stored already and is not canonicalized again (4x4: 25 s to 9 s), which leaves the order
    /// of the states stored as it was. The states given are remembered packed, up to
    /// <see cref="InitialStatesRemembered"/> of them; past that every outcome is canonicalized.
    /// </summary>
    private Action<int[]> StoreInitial()
    {
        var given = new StateStore(codec.Words, limits.MemoryBudget);
        var raw = new ulong[codec.Words];
        return s =>
        {
            successors.Pack(s, raw);
            if (given.Find(raw) >= 0)
            {
                limits.Tick();
                return;
            }

            if (given.Count < InitialStatesRemembered)
            {
                given.Add(raw, -1, out _);
            }

            Store(s, -1);
        };
    }

    /// <summary>
    /// Most initial states remembered as given (some 28 to 40 bytes each). v3 at 5x4 gives
    /// 923,521 distinct ones in 655 million outcomes: past the limit, each outcome would be
    /// canonicalized, minutes of work.
    /// </summary>
    private const int InitialStatesRemembered = 1 << 21;

    /// <summary>Examines and expands the stored states in BFS order; why it stopped early, or null.</summary>
    private string? Explore()
    {
        var lastReport = limits.Clock.Elapsed;
        for (; cursor < store.Count; cursor++)
        {
            // The arena holds the states in BFS order: a level ends where the next begins.
            if (cursor == levelEnd)
            {
                depth++;
                levelEnd = store.Count;
                levelStarts.Add(cursor);

                // Under fingerprints, the states before this level are examined and expanded: only their fingerprints stay.
                store.Release(cursor);
                if (depth > failureDepth)
                {
                    break;
                }

                // Every parent of the new level is expanded: its least traces are known.
                ranking.LevelComplete(cursor);
            }

            Examine(cursor);
            examined = cursor + 1;
            if (stopAtLastVerdict && undecided == 0 && (!checkDeadlock || deadlock >= 0))
            {
                // Every verdict is known: the rest of this level is examined for the witnesses
                // of the last ones, and nothing more is expanded.
                examineUntil = Math.Min(examineUntil, levelEnd);
                if (examined >= examineUntil)
                {
                    break;
                }

                // A level may hold millions of states: the limits bound this too (the examination
                // after a stop goes on within the time limit's grace).
                if (limits.Exceeded() is { } limit)
                {
                    return limit;
                }

                continue;
            }

            // A model error in a step from a state of depth d counts at depth d, as in BMC, where
            // a violation at the same depth is preferred: the rest of level d is still examined,
            // and a deadlock among its states still found, but nothing is expanded any more.
            if (failure is not null)
            {
                if (checkDeadlock && deadlock < 0 && Stuck(state))
                {
                    deadlock = cursor;
                }

                continue;
            }

            if (cursor >= scheduledEnd)
            {
                ScheduleWorkers();
            }

            if (cursor < scheduledEnd)
            {
                StoreExpanded(cursor);
            }
            else
            {
                Expand(cursor);
            }

            if (limits.Exceeded() is { } stopped)
            {
                return stopped;
            }

            if (options.Progress is not null && limits.Clock.Elapsed - lastReport > TimeSpan.FromSeconds(1))
            {
                lastReport = limits.Clock.Elapsed;
                var rate = store.Count / limits.Clock.Elapsed.TotalSeconds;
                options.Progress($"{variant.Name}: {store.Count} states, {rate:0} states/s, queue {store.Count - cursor}, depth {depth}");
            }
        }

        return null;
    }

    /// <summary>
    /// Hands the rest of the level to the workers, when there are workers to ask, the model is
    /// compiled (the interpreter is not thread-safe), and at least four batches of parents are
    /// left (fewer are not worth the hand-over). A watcher sees every state unpacked: it keeps
    /// the search on one thread.
    /// </summary>
    private void ScheduleWorkers()
    {
        if (options.Workers <= 1 || observer is not null || levelEnd - cursor < 4 * batchSize || failure is not null
            || successors is not AdaptiveSuccessors { Compiled: { } compiled })
        {
            return;
        }

        parallel ??= new ParallelExpansion(options.Workers, batchSize, compiled, symmetry, codec, state.Length);
        parallel.Schedule(store.Snapshot(), cursor, levelEnd);
        batch = null;
        scheduledEnd = levelEnd;
    }

    /// <summary>
    /// Stores the successors of <paramref name="from"/> that a worker computed, exactly as
    /// <see cref="Expand"/> would: same order, same calls. One whose compiled code met a model
    /// error is expanded again here, by the interpreter.
    /// </summary>
    private void StoreExpanded(int from)
    {
        if (batch is null || from >= batch.First + batch.Count)
        {
            if (batch is not null)
            {
                parallel!.Release();
            }

            batch = parallel!.Take(from);
        }

        var k = from - batch.First;
        if (batch.Redo(k))
        {
            Expand(from);
            return;
        }

        expandedByWorkers++;
        ranking.Expanding(from);
        var (first, end) = batch.Successors(k);
        for (var i = first; i < end; i++)
        {
            transitions++;
            int to;
            if (batch.Known(i) is var known and >= 0)
            {
                // Stored before the level began: what Insert would find.
                limits.Tick();
                to = known;
            }
            else
            {
                to = Insert(batch.State(i), from, null);
            }

            // The compiled code numbers instances as the ranking orders them.
            ranking.Edge(from, to, batch.Instance(i));
        }

        if (first == end && checkDeadlock && deadlock < 0)
        {
            deadlock = from;
        }
    }

    /// <summary>Stores the successors of state <paramref name="from"/> (unpacked in <see cref="state"/>).</summary>
    private void Expand(int from)
    {
        var count = 0;
        ranking.Expanding(from);

        // Symmetry works out the successors' signatures from this state's.
        symmetry?.Expanding(state);
        try
        {
            successors.Successors(state, (action, args, next) =>
            {
                count++;
                transitions++;
                var to = Store(next, from);
                ranking.Edge(from, to, action, args);
                if (renamer is not null)
                {
                    renamer.ExamineTransition(from, to, action, args, renaming!);
                }
                else
                {
                    observer?.ExamineTransition(from, to, action, args);
                }
            }, RecordError);
        }
        finally
        {
            symmetry?.Expanding(null);
        }

        if (compiledFrom is null && successors is AdaptiveSuccessors { Compiled: not null })
        {
            // This state's successors came from the compiled code, just compiled: the steady rate
            // is measured from here on.
            compiledFrom = (limits.Clock.Elapsed, transitions);
        }

        var errored = pendingError is not null;
        if (pendingError is { } pending)
        {
            pendingError = null;
            failure = new ModelRuntimeFailure(model, pending.Error, builder.Build(from), pending.Action, pending.Args, variant.Name);
            failureDepth = depth;
        }

        if (count == 0 && !errored && checkDeadlock && deadlock < 0)
        {
            deadlock = from;
        }
    }

    /// <summary>Adds a state (canonicalized under symmetry) to the visited set; its index.</summary>
    private int Store(int[] s, int pred)
    {
        if (symmetry is null)
        {
            successors.Pack(s, packed);
            return Insert(packed, pred, s);
        }

        // Every successor is canonicalized, even one stored as it is: looking it up first cost
        // more than it saved (v3 at 4x3: 21% of successors found so, 3% slower in all).
        if (renaming is not null)
        {
            symmetry.Canonicalize(s, packed, renaming);
        }
        else
        {
            symmetry.Canonicalize(s, packed);
        }

        // The watcher sees the representative, as stored: Insert unpacks it for a new state only,
        // the one a watcher is shown.
        return Insert(packed, pred, null);
    }

    /// <summary>
    /// Adds a canonical packed state to the visited set; its index. <paramref name="s"/> is the
    /// state unpacked, for the watcher, or null: then a new state is unpacked for it here.
    /// </summary>
    private int Insert(ReadOnlySpan<ulong> packed, int pred, int[]? s)
    {
        if (limits.Full(store.Count) && store.Find(packed) < 0)
        {
            throw new SearchStopped(limits.StateLimitReason);
        }

        var index = store.Add(packed, pred, out var added);
        if (added && (index & 1023) == 0 && (long)(store.Count * store.BytesPerState) + ranking.RetainedBytes + (observer?.RetainedBytes ?? 0) > limits.MemoryBudget)
        {
            var kept = observer is null ? "the least-trace ranking" : $"the least-trace ranking and the {observer.GetType().Name}";
            throw new SearchStopped($"memory limit reached: the visited set and what {kept} keeps of each state need more than {limits.MemoryBudget >> 20} MiB");
        }

        if (added)
        {
            ranking.Discovered(index);
            var d = pred >= 0 ? depth + 1 : 0;
            deepest = Math.Max(deepest, d);
            if (observer is not null)
            {
                if (s is null)
                {
                    s = discovered;
                    codec.Unpack(packed, s);
                }

                observer.DiscoverState(index, pred, d, s);
            }
        }

        limits.Tick();
        return index;
    }

    /// <summary>
    /// Evaluates the properties that were open when the state's level began. One decided at
    /// this depth is still evaluated, so that a model error in evaluating it at this depth
    /// counts whatever the order of the level's states, as in bmc. Such an error counts like a
    /// step's: the rest of the level is still examined, and a violation at the same depth is
    /// preferred (see <see cref="Explore"/>).
    /// </summary>
    private void Examine(int index)
    {
        codec.Unpack(store.Get(index), state);
        var nextLevel = index >= levelEnd;
        var levelStart = nextLevel ? levelEnd : levelStarts[^1];
        for (var p = 0; p < properties.Count; p++)
        {
            if (witnesses[p] is [var first, ..] && first < levelStart)
            {
                continue;
            }

            bool holds;
            try
            {
                holds = successors.Holds(p, state);
            }
            catch (ModelRuntimeError e)
            {
                // A property that indexes out of range: the model's error, with the path to the state.
                if (failure is null)
                {
                    failure = new ModelRuntimeFailure(model, e, builder.Build(index), null, [], variant.Name);
                    failureDepth = nextLevel ? depth + 1 : depth;
                }

                continue;
            }

            if (holds != (properties[p].Kind == PropertyKind.Cover))
            {
                continue;
            }

            var level = nextLevel ? depth + 1 : depth;
            if (witnesses[p].Count == 0)
            {
                foundLevel[p] = level;
                undecided--;
                if (undecided == 0)
                {
                    // Examined past the level's end, the post-limit examination stops here.
                    examineUntil = nextLevel ? store.Count : levelEnd;
                }
            }

            if (foundLevel[p] == level)
            {
                witnesses[p].Add(index);
            }
        }
    }

    private void RecordError(ModelRuntimeError e) => pendingError ??= (e, semantics.CurrentAction, (int[])semantics.CurrentArgs.Clone());

    /// <summary>Whether a state has no successor and no failing step (a deadlock), without storing anything.</summary>
    private bool Stuck(int[] s)
    {
        var any = false;
        pendingError = null;
        successors.Successors(s, (_, _, _) => any = true, RecordError);
        var failed = pendingError is not null;
        pendingError = null;
        return !any && !failed;
    }

    private List<CheckResult> Results(IEngine engine, bool complete, double seconds, string? stopReason)
    {
        if (levelEnd < store.Count && levelStarts[^1] != levelEnd)
        {
            // Stopped inside a level: the states past its end belong to the next one.
            levelStarts.Add(levelEnd);
        }

        var verdicts = new ExplicitVerdicts(engine.Name, variant, semantics, store, builder, ranking, limits.Overtime)
        {
            Transitions = transitions,
            Deepest = deepest,
            Seconds = seconds,
            Complete = complete,
            StopReason = stopReason,
        };
        var results = new List<CheckResult>();
        for (var p = 0; p < properties.Count; p++)
        {
            results.Add(verdicts.Property(properties[p], witnesses[p]));
        }

        if (checkDeadlock)
        {
            results.Add(verdicts.Deadlock(deadlock));
        }
        else if (DeadlockPolicy.NotCheckedReason(model, variant, options, engine, onlyLine: properties.Count == 0) is { } reason)
        {
            // The cell the run shows anyway, here rather than in CheckRunner so that it carries
            // the states explored, which a run with nothing to check still counts.
            results.Add(verdicts.DeadlockNotChecked(reason));
        }

        return results;
    }
}
