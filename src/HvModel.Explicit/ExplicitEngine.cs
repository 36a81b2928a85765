using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using HvModel.Explicit.Compiled;

namespace HvModel.Explicit;

/// <summary>
/// Breadth-first exploration of every reachable state, checking all properties in one pass.
/// BFS order makes the first violating state found one of least depth, so its counterexample
/// is a shortest one. Traces are rebuilt from predecessor links by re-running the model
/// (<see cref="TraceBuilder"/>), then replayed before they are returned. The search stops once
/// every verdict is known (as TLC stops at a violation) unless asked to be exhaustive; the
/// results then say that their state counts are of a partial search.
/// </summary>
public sealed class ExplicitEngine : IEngine
{
    /// <summary>The pseudo-property under which a deadlock (a state with no successor) is reported.</summary>
    public const string DeadlockProperty = Model.DeadlockProperty;

    public string Name => "explicit";

    public bool ChecksDeadlock => true;

    /// <summary>Compute successors with the interpreter (the reference semantics) instead of compiled code.</summary>
    public bool Interpret { get; init; }

    /// <summary>States expanded by the interpreter before the model is compiled (0: compile before the search).</summary>
    public int CompileAfter { get; init; } = 10_000;

    /// <summary>Optional watcher of the exploration (graph export, tests).</summary>
    public IExplorationObserver? Observer { get; init; }

    private readonly List<ExplorationStats> runs = [];

    /// <summary>Statistics of the last run, for reports and benchmarks.</summary>
    public ExplorationStats? LastStats => runs.Count == 0 ? null : runs[^1];

    /// <summary>Statistics of every run of this engine, in order.</summary>
    public IReadOnlyList<ExplorationStats> Runs => runs;

    public IReadOnlyList<CheckResult> Check(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options)
    {
        var limits = new SearchLimits(options);
        var cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var semantics = new Semantics(model, variant);
        var codec = new StateCodec(model.Slots);
        var compiled = Interpret ? null : new AdaptiveSuccessors(semantics, properties, codec, CompileAfter);
        ISuccessorFunction successorFunction = compiled is null ? new InterpretedSuccessors(semantics, properties) : compiled;
        // A model whose statements nest too deep to run is not run at all (see ExecutionDepth).
        var tooDeep = ExecutionDepth.Problem(model);
        var symmetry = options.Symmetry && tooDeep is null ? Symmetry.For(model) : null;
        var store = new StateStore(codec.Words, limits.MemoryBudget);
        var packed = new ulong[codec.Words];
        var state = new int[model.Slots.Length];
        var found = new int[properties.Count];
        Array.Fill(found, -1);
        var undecided = properties.Count;
        var checkDeadlock = DeadlockPolicy.Searched(model, variant, options);

        // Stop at the last verdict only when there is one to wait for: a model with nothing to
        // check is explored in full and counted, as SPIN and TLC do.
        var stopAtLastVerdict = !options.Exhaustive && (properties.Count > 0 || checkDeadlock);
        var deadlock = -1;
        long transitions = 0;
        var depth = 0;
        var deepest = 0;
        var levelEnd = 0;
        var levelStarts = new List<int> { 0 };
        var cursor = 0;
        var builder = new TraceBuilder(semantics, codec, symmetry, store);

        int Store(int[] s, int pred)
        {
            symmetry?.Canonicalize(s);
            if (compiled is not null)
            {
                compiled.Pack(s, packed);
            }
            else
            {
                codec.Pack(s, packed);
            }

            if (limits.Full(store.Count) && store.Find(packed) < 0)
            {
                throw new SearchStopped(limits.StateLimitReason);
            }

            var index = store.Add(packed, pred, out var added);
            if (added && Observer is { } watching && (index & 1023) == 0 && (long)(store.Count * store.BytesPerState) + watching.RetainedBytes > limits.MemoryBudget)
            {
                throw new SearchStopped($"memory limit reached: the visited set and what the {watching.GetType().Name} keeps of each state need more than {limits.MemoryBudget >> 20} MiB");
            }

            if (added)
            {
                var d = pred >= 0 ? depth + 1 : 0;
                deepest = Math.Max(deepest, d);
                Observer?.DiscoverState(index, pred, d, s);
            }

            limits.Tick();
            return index;
        }

        ModelRuntimeFailure? failure = null;
        var failureDepth = int.MaxValue;

        // Evaluates the properties that were open when the state's level began. One decided at
        // this depth is still evaluated, so that a model error in evaluating it at this depth
        // counts whatever the order of the level's states, as in bmc. Such an error counts like a
        // step's: the rest of the level is still examined, and a violation at the same depth is
        // preferred (see the search loop).
        void Examine(int index)
        {
            codec.Unpack(store.Get(index), state);
            var nextLevel = index >= levelEnd;
            var levelStart = nextLevel ? levelEnd : levelStarts[^1];
            for (var p = 0; p < properties.Count; p++)
            {
                if (found[p] >= 0 && found[p] < levelStart)
                {
                    continue;
                }

                bool holds;
                try
                {
                    holds = successorFunction.Holds(p, state);
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

                if (found[p] < 0 && holds == (properties[p].Kind == PropertyKind.Cover))
                {
                    found[p] = index;
                    undecided--;
                }
            }
        }

        var examined = 0;
        var lastReport = limits.Clock.Elapsed;
        (ModelRuntimeError Error, ActionDef? Action, int[] Args)? pendingError = null;
        void RecordError(ModelRuntimeError e) => pendingError ??= (e, semantics.CurrentAction, (int[])semantics.CurrentArgs.Clone());

        // Whether a state has no successor and no failing step (a deadlock), without storing anything.
        bool Stuck(int[] s)
        {
            var any = false;
            pendingError = null;
            successorFunction.Successors(s, (_, _, _) => any = true, RecordError);
            var failed = pendingError is not null;
            pendingError = null;
            return !any && !failed;
        }

        // Symmetry set-up may itself have taken the time allowed.
        var stopReason = tooDeep ?? limits.Exceeded();
        try
        {
            if (stopReason is null)
            {
                try
                {
                    // A choice over a huge range may examine values for long without storing a state: the limits apply there too.
                    semantics.InitialStates(s => Store(s, -1), new RunObserver { OnChoiceValue = limits.Tick });
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
            }

            levelEnd = store.Count;
            for (; stopReason is null && cursor < store.Count; cursor++)
            {
                // The arena holds the states in BFS order: a level ends where the next begins.
                if (cursor == levelEnd)
                {
                    depth++;
                    levelEnd = store.Count;
                    levelStarts.Add(cursor);
                    if (depth > failureDepth)
                    {
                        break;
                    }
                }

                Examine(cursor);
                examined = cursor + 1;
                if (stopAtLastVerdict && undecided == 0 && (!checkDeadlock || deadlock >= 0))
                {
                    break;
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

                var successors = 0;
                var from = cursor;

                // The successor function: the one call to swap for a faster (compiled) one.
                // Symmetry works out the successors' signatures from this state's.
                symmetry?.Expanding(state);
                try
                {
                    successorFunction.Successors(state, (action, _, next) =>
                    {
                        successors++;
                        transitions++;
                        var to = Store(next, from);
                        Observer?.ExamineTransition(from, to, action.Name);
                    }, RecordError);
                }
                finally
                {
                    symmetry?.Expanding(null);
                }

                var errored = pendingError is not null;
                if (pendingError is { } pending)
                {
                    pendingError = null;
                    failure = new ModelRuntimeFailure(model, pending.Error, builder.Build(cursor), pending.Action, pending.Args, variant.Name);
                    failureDepth = depth;
                }

                if (successors == 0 && !errored && checkDeadlock && deadlock < 0)
                {
                    deadlock = cursor;
                }

                stopReason = limits.Exceeded();
                if (options.Progress is not null && limits.Clock.Elapsed - lastReport > TimeSpan.FromSeconds(1))
                {
                    lastReport = limits.Clock.Elapsed;
                    var rate = store.Count / limits.Clock.Elapsed.TotalSeconds;
                    options.Progress($"{variant.Name}: {store.Count} states, {rate:0} states/s, queue {store.Count - cursor}, depth {depth}");
                }
            }
        }
        catch (SearchStopped stop)
        {
            stopReason = stop.Message;
        }

        if (stopReason is not null && failure is null && !options.Cancellation.IsCancellationRequested)
        {
            // Stopped at a limit: the states stored but not yet examined may still show a
            // verdict. Every level before theirs was examined in full, so a violation found among
            // them is still a shortest one.
            for (; examined < store.Count && undecided > 0 && !limits.Overtime(); examined++)
            {
                Examine(examined);
            }
        }

        if (failure is not null && (!stopAtLastVerdict || found.Any(f => f < 0) || (checkDeadlock && deadlock < 0)))
        {
            // Some verdict, or the full exploration asked for, would need a path past the error:
            // the model is at fault, not the property.
            throw failure;
        }

        var complete = stopReason is null && cursor >= store.Count && failure is null;
        var stopped = complete ? null : stopReason ?? "the search stopped once every verdict was known";
        var seconds = limits.Clock.Elapsed.TotalSeconds;
        runs.Add(new ExplorationStats(variant.Name, store.Count, transitions, deepest, seconds, codec.TotalBits, codec.Words, store.BytesPerState, store.OverheadBytesPerState, symmetry?.Permutations ?? 1, complete)
        {
            Stopped = stopped,
            SuccessorFunction = compiled is null ? "interpreted (--interpret)" : compiled.Describe(),
            CpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds,
        });
        if (levelEnd < store.Count && levelStarts[^1] != levelEnd)
        {
            // Stopped inside a level: the states past its end belong to the next one.
            levelStarts.Add(levelEnd);
        }

        var verdicts = new ExplicitVerdicts(Name, variant, semantics, codec, store, builder, new LeastTraceRanking(model, successorFunction, codec, symmetry, store, levelStarts))
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
            results.Add(verdicts.Property(properties[p], found[p], state));
        }

        if (checkDeadlock)
        {
            results.Add(verdicts.Deadlock(deadlock));
        }
        else if (DeadlockPolicy.NotCheckedReason(model, variant, options, this, onlyLine: properties.Count == 0) is { } reason)
        {
            // The cell the run shows anyway, here rather than in CheckRunner so that it carries
            // the states explored, which a run with nothing to check still counts.
            results.Add(verdicts.DeadlockNotChecked(reason));
        }

        return results;
    }
}
