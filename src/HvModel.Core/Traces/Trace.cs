using System.Collections.Immutable;
using HvModel.Core.Ir;

namespace HvModel.Core.Traces;

/// <summary>
/// One step of a trace: the action instance taken (null for the initial state), the state it
/// led to, and the story lines (<c>note</c>s) of the path the action took.
/// </summary>
public sealed record TraceStep(ActionDef? Action, ImmutableArray<int> Args, ImmutableArray<int> State, ImmutableArray<string> Notes)
{
    public static TraceStep Initial(int[] state) => new(null, [], [.. state], []);
}

/// <summary>
/// A path through the model: an initial state and the steps from it. The same type whatever
/// engine produced it; every trace is checked by <see cref="TraceReplayer"/> before it is shown.
/// </summary>
public sealed record Trace(ImmutableArray<TraceStep> Steps)
{
    /// <summary>Number of actions taken (the initial state is not a step).</summary>
    public int Length => Steps.Length - 1;

    public ImmutableArray<int> Last => Steps[^1].State;

    /// <summary>
    /// What the replay could not confirm in the time it had, and why; null when every part of
    /// the trace was confirmed. Only the first state can be left so: finding it among the init
    /// block's outcomes (655 million for the flagship at 5x4) may take longer than the run's time limit.
    /// </summary>
    public string? Unconfirmed { get; init; }
}
