using System.Diagnostics;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using HvModel.Explicit.Compiled;
using Trace = HvModel.Core.Traces.Trace;

namespace HvModel.Explicit;

/// <summary>
/// Breadth-first exploration of every reachable state, checking all properties in one pass.
/// BFS order makes the first violating state found one of least depth, so its counterexample
/// is a shortest one. Traces are rebuilt from predecessor links by re-running the model
/// (<see cref="TraceBuilder"/>), then replayed before they are returned.
/// </summary>
public sealed class ExplicitEngine : IEngine
{
    /// <summary>The pseudo-property under which a deadlock (a state with no successor) is reported.</summary>
    public const string DeadlockProperty = "deadlock";

    public string Name => "explicit";

    /// <summary>Compute successors with the interpreter (the reference semantics) instead of compiled code.</summary>
    public bool Interpret { get; init; }

    /// <summary>States expanded by the interpreter before the model is compiled (0: compile before the search).</summary>
    public int CompileAfter { get; init; } = 10_000;

    /// <summary>Optional watcher of the exploration (graph export, tests).</summary>
    public IExplorationObserver? Observer { get; init; }

    private readonly List<ExplorationStats> runs = [];

    /// <summary>Statistics of the last run, for reports and benchmarks.</summary>
    public ExplorationStats? LastStats
    {
        get => runs.Count == 0 ? null : runs[^1];
        private set => runs.Add(value!);
    }

    /// <summary>Statistics of every run of this engine, in order.</summary>
    public IReadOnlyList<ExplorationStats> Runs => runs;

    public IReadOnlyList<CheckResult> Check(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options)
    {
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var semantics = new Semantics(model, variant);
        var codec = new StateCodec(model.Slots);
        var compiled = Interpret ? null : new AdaptiveSuccessors(semantics, properties, codec, CompileAfter);
        ISuccessorFunction successorFunction = compiled is null ? new InterpretedSuccessors(semantics, properties) : compiled;
        var symmetry = options.Symmetry ? Symmetry.For(model) : null;
        var store = new StateStore(codec.Words);
        var packed = new ulong[codec.Words];
        var state = new int[model.Slots.Length];
        var found = new int[properties.Count];
        Array.Fill(found, -1);
        var undecided = properties.Count;
        var checkDeadlock = options.CheckDeadlock && !model.AllowDeadlock;
        var deadlock = -1;
        long transitions = 0;
        var depth = 0;
        var deepest = 0;
        var levelEnd = 0;
        var levelStarts = new List<int> { 0 };
        string? stopReason = null;
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

            var index = store.Add(packed, pred, out var added);
            if (added)
            {
                var d = pred >= 0 ? depth + 1 : 0;
                deepest = Math.Max(deepest, d);
                Observer?.DiscoverState(index, pred, d, s);
            }

            return index;
        }

        try
        {
            semantics.InitialStates(s => Store(s, -1));
        }
        catch (ModelRuntimeError e)
        {
            throw new ModelRuntimeFailure(model, e, new Trace([]), null, [], variant.Name);
        }

        var lastReport = clock.Elapsed;
        levelEnd = store.Count;
        ModelRuntimeFailure? failure = null;
        var failureDepth = int.MaxValue;
        (ModelRuntimeError Error, ActionDef? Action, int[] Args)? pendingError = null;
        void RecordError(ModelRuntimeError e) => pendingError ??= (e, semantics.CurrentAction, (int[])semantics.CurrentArgs.Clone());
        semantics.OnError = RecordError;
        for (; cursor < store.Count; cursor++)
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

            codec.Unpack(store.Get(cursor), state);
            for (var p = 0; p < properties.Count; p++)
            {
                if (found[p] >= 0)
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
                    throw new ModelRuntimeFailure(model, e, builder.Build(cursor), null, [], variant.Name);
                }

                if (holds == (properties[p].Kind == PropertyKind.Cover))
                {
                    found[p] = cursor;
                    undecided--;
                }
            }

            if (undecided == 0 && (!checkDeadlock || deadlock >= 0))
            {
                break;
            }

            // A model error in a step from a state of depth d counts at depth d, as in BMC, where
            // a violation at the same depth is preferred: the rest of level d is still examined,
            // but nothing is expanded any more.
            if (failure is not null)
            {
                continue;
            }

            var successors = 0;
            var from = cursor;
            successorFunction.Successors(state, (action, _, next) =>
            {
                successors++;
                transitions++;
                var to = Store(next, from);
                Observer?.ExamineTransition(from, to, action.Name);
            });
            var errored = pendingError is not null;
            if (pendingError is { } pending)
            {
                pendingError = null;
                if (failure is null)
                {
                    semantics.OnError = null;
                    var trace = builder.Build(cursor);
                    failure = new ModelRuntimeFailure(model, pending.Error, trace, pending.Action, pending.Args, variant.Name);
                    failureDepth = depth;
                    semantics.OnError = RecordError;
                }
            }

            if (successors == 0 && !errored && checkDeadlock && deadlock < 0)
            {
                deadlock = cursor;
            }

            if (store.Count > options.MaxStates)
            {
                stopReason = $"state limit reached ({options.MaxStates} states)";
                break;
            }

            if ((cursor & 1023) == 0)
            {
                if (options.Timeout is { } limit && clock.Elapsed > limit)
                {
                    stopReason = $"time limit reached ({limit.TotalSeconds:0.#} s)";
                    break;
                }

                if (options.Cancellation.IsCancellationRequested)
                {
                    stopReason = "cancelled";
                    break;
                }

                if (options.Progress is not null && clock.Elapsed - lastReport > TimeSpan.FromSeconds(1))
                {
                    lastReport = clock.Elapsed;
                    var rate = store.Count / clock.Elapsed.TotalSeconds;
                    options.Progress($"{variant.Name}: {store.Count} states, {rate:0} states/s, queue {store.Count - cursor}, depth {depth}");
                }
            }
        }

        // Rebuilding traces re-runs steps the search already ran without error up to the depths
        // reported; steps beyond them may fail and are of no concern here.
        semantics.OnError = static _ => { };
        if (failure is not null && (found.Any(f => f < 0) || (checkDeadlock && deadlock < 0)))
        {
            // Some verdict would need a path past the error: the model is at fault, not the property.
            throw failure;
        }

        var complete = stopReason is null && cursor >= store.Count && failure is null;
        var seconds = clock.Elapsed.TotalSeconds;
        LastStats = new ExplorationStats(variant.Name, store.Count, transitions, deepest, seconds, codec.TotalBits, codec.Words, store.BytesPerState, store.OverheadBytesPerState, symmetry?.Permutations ?? 1, complete)
        {
            SuccessorFunction = compiled is null ? "interpreted (--interpret)" : compiled.Describe(),
            CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds,
        };
        if (levelEnd < store.Count && levelStarts[^1] != levelEnd)
        {
            // Stopped inside a level: the states past its end belong to the next one.
            levelStarts.Add(levelEnd);
        }

        var ranking = new LeastTraceRanking(model, successorFunction, codec, symmetry, store, levelStarts);
        var results = new List<CheckResult>();
        for (var p = 0; p < properties.Count; p++)
        {
            var property = properties[p];
            if (found[p] >= 0)
            {
                var trace = TraceReplayer.Replay(semantics, LeastTrace(found[p], property), property);
                var verdict = property.Kind == PropertyKind.Cover ? Verdict.Holds : Verdict.Violated;
                results.Add(new CheckResult(variant.Name, property.Name, property.Kind, Name, verdict, store.Count, transitions, trace.Length, seconds, null, trace));
            }
            else if (complete || undecided == 0)
            {
                // Explored everything (or stopped only once all else was decided): nothing violates it.
                var verdict = property.Kind == PropertyKind.Cover ? Verdict.Violated : Verdict.Holds;
                var reason = property.Kind == PropertyKind.Cover ? "no reachable state satisfies it" : null;
                results.Add(new CheckResult(variant.Name, property.Name, property.Kind, Name, verdict, store.Count, transitions, deepest, seconds, reason));
            }
            else
            {
                results.Add(new CheckResult(variant.Name, property.Name, property.Kind, Name, Verdict.Unknown, store.Count, transitions, deepest, seconds, stopReason));
            }
        }

        if (checkDeadlock)
        {
            if (deadlock >= 0)
            {
                var trace = TraceReplayer.Replay(semantics, builder.Build(deadlock), null);
                results.Add(new CheckResult(variant.Name, DeadlockProperty, PropertyKind.Invariant, Name, Verdict.Violated, store.Count, transitions, trace.Length, seconds, "a reachable state has no enabled action", trace));
            }
            else
            {
                results.Add(complete
                    ? new CheckResult(variant.Name, DeadlockProperty, PropertyKind.Invariant, Name, Verdict.Holds, store.Count, transitions, deepest, seconds)
                    : new CheckResult(variant.Name, DeadlockProperty, PropertyKind.Invariant, Name, Verdict.Unknown, store.Count, transitions, deepest, seconds, stopReason ?? "exploration stopped once every property was decided"));
            }
        }

        return results;

        // The canonical shortest trace to a state where the property's verdict shows.
        Trace LeastTrace(int found, PropertyDef property)
        {
            var level = ranking.LevelOf(found);
            var candidates = ranking.Level(level).Where(i =>
            {
                codec.Unpack(store.Get(i), state);
                try
                {
                    return semantics.Holds(property, state) == (property.Kind == PropertyKind.Cover);
                }
                catch (ModelRuntimeError)
                {
                    // A state of this level the search did not examine (it stopped once every
                    // property was decided) where the property itself fails: not a witness.
                    return false;
                }
            });
            var (path, steps) = ranking.PathTo(ranking.Least(candidates, level));
            return builder.Build(path, steps);
        }
    }
}
