using System.Collections.Immutable;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Traces;

/// <summary>
/// Replays a trace through the evaluator: the first state must be initial, each step's action
/// must be enabled with its arguments and lead to the recorded state, and the last state must
/// violate the invariant (or reach the cover). A trace that does not replay is a checker bug.
/// Replay also fills in each step's story lines from the path the action actually took.
/// </summary>
public static class TraceReplayer
{
    /// <summary>
    /// Returns the trace with its notes filled in; throws <see cref="TraceReplayException"/>
    /// when it does not replay. The first state is looked for among the init block's outcomes
    /// last, until <paramref name="outOfTime"/> says the run's time is up: the trace is then
    /// returned with <see cref="Trace.Unconfirmed"/> saying so.
    /// </summary>
    public static Trace Replay(Semantics semantics, Trace trace, PropertyDef? property, Func<bool>? outOfTime = null)
    {
        if (trace.Steps.IsEmpty)
        {
            throw new TraceReplayException("the trace has no initial state");
        }

        var steps = ImmutableArray.CreateBuilder<TraceStep>();
        steps.Add(trace.Steps[0]);
        // Strict: an error on the replayed path is reported, never skipped (no OnError).
        try
        {
            for (var i = 1; i < trace.Steps.Length; i++)
            {
                var step = trace.Steps[i];
                if (step.Action is null)
                {
                    throw new TraceReplayException($"step {i}: no action");
                }

                var notes = new List<string>();
                ImmutableArray<string>? matched = null;
                var enabled = semantics.Fire([.. trace.Steps[i - 1].State], step.Action, [.. step.Args], (_, _, next) =>
                {
                    if (matched is null && step.State.AsSpan().SequenceEqual(next))
                    {
                        matched = [.. notes];
                    }
                }, new RunObserver { Notes = notes });
                if (!enabled)
                {
                    throw new TraceReplayException($"step {i}: the guard of {step.Action.Name} does not hold");
                }

                if (matched is null)
                {
                    throw new TraceReplayException($"step {i}: {step.Action.Name} does not lead to the recorded state");
                }

                steps.Add(step with { Notes = matched.Value });
            }
        }
        catch (ModelRuntimeError e)
        {
            throw new TraceReplayException($"the trace runs into a model error: {e.Format()}");
        }

        if (property is not null)
        {
            var holds = semantics.Holds(property, [.. trace.Last]);
            if (property.Kind == PropertyKind.Invariant && holds)
            {
                throw new TraceReplayException($"the last state does not violate {property.Name}");
            }

            if (property.Kind == PropertyKind.Cover && !holds)
            {
                throw new TraceReplayException($"the last state does not reach {property.Name}");
            }
        }

        var replayed = new Trace(steps.ToImmutable());
        return IsInitial(semantics, trace.Steps[0].State, outOfTime) switch
        {
            true => replayed,
            false => throw new TraceReplayException("step 0: the first state is not an initial state"),
            null => replayed with { Unconfirmed = "its first state was not yet found among the init block's outcomes when the time limit ran out" },
        };
    }

    // Stops the enumeration at the first match: a model may have millions of initial states.
    // Null when out of time first (asked at the first outcome, then every 4,096).
    private static bool? IsInitial(Semantics semantics, ImmutableArray<int> state, Func<bool>? outOfTime)
    {
        var outcomes = 0L;
        try
        {
            semantics.InitialStates(s =>
            {
                if (state.AsSpan().SequenceEqual(s))
                {
                    throw new Found(true);
                }

                if ((outcomes++ & 4095) == 0 && outOfTime?.Invoke() == true)
                {
                    throw new Found(null);
                }
            });
        }
        catch (Found found)
        {
            return found.Initial;
        }

        return false;
    }

    private sealed class Found(bool? initial) : Exception
    {
        public bool? Initial { get; } = initial;
    }
}

/// <summary>A trace that does not replay: an internal error of the checker (exit code 3).</summary>
public sealed class TraceReplayException(string message) : Exception(message);
