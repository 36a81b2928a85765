using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;
using Trace = HvModel.Core.Traces.Trace;

namespace HvModel.Explicit;

/// <summary>
/// Turns what one explicit search found into results: a verdict per property and for
/// deadlock, each violation or witness with its canonical shortest trace, replayed. Apart from
/// the search loop, which only records where each verdict showed.
/// </summary>
internal sealed class ExplicitVerdicts(
    string engine,
    Variant variant,
    Semantics semantics,
    StateStore store,
    TraceBuilder builder,
    LeastTraceRanking ranking,
    Func<bool> overtime)
{
    public long Transitions { get; init; }

    public int Deepest { get; init; }

    public double Seconds { get; init; }

    /// <summary>Every reachable state was explored: what was not found does not exist.</summary>
    public bool Complete { get; init; }

    /// <summary>The limit the search stopped at, if any.</summary>
    public string? StopReason { get; init; }

    /// <summary>
    /// The result for a property, given the stored states of one level where its verdict
    /// showed, in the order found (none: it did not show).
    /// </summary>
    public CheckResult Property(PropertyDef property, IReadOnlyList<int> witnesses)
    {
        if (witnesses.Count > 0)
        {
            var trace = TraceReplayer.Replay(semantics, LeastTrace(witnesses), property, overtime);
            var verdict = property.Kind == PropertyKind.Cover ? Verdict.Holds : Verdict.Violated;
            return Result(property.Name, property.Kind, verdict, trace.Length, null, trace);
        }

        if (Complete)
        {
            // Explored everything: nothing violates it (nothing reaches the cover).
            var verdict = property.Kind == PropertyKind.Cover ? Verdict.Violated : Verdict.Holds;
            var reason = property.Kind == PropertyKind.Cover ? "no reachable state satisfies it" : null;
            return Result(property.Name, property.Kind, verdict, Deepest, reason, null);
        }

        return Result(property.Name, property.Kind, Verdict.Unknown, Deepest, StopReason, null);
    }

    /// <summary>The deadlock result: the stored state with no successor (or -1).</summary>
    public CheckResult Deadlock(int found)
    {
        if (found >= 0)
        {
            var trace = TraceReplayer.Replay(semantics, builder.Build(found), null, overtime);
            return Result(Model.DeadlockProperty, PropertyKind.Invariant, Verdict.Violated, trace.Length, "a reachable state has no enabled action", trace);
        }

        return Complete
            ? Result(Model.DeadlockProperty, PropertyKind.Invariant, Verdict.Holds, Deepest, null, null)
            : Result(Model.DeadlockProperty, PropertyKind.Invariant, Verdict.Unknown, Deepest, StopReason ?? "the search stopped once every verdict was known", null);
    }

    /// <summary>A deadlock line that says why it was not checked (and still carries the run's counts).</summary>
    public CheckResult DeadlockNotChecked(string reason) =>
        Result(Model.DeadlockProperty, PropertyKind.Invariant, Verdict.NotChecked, Deepest, reason, null);

    // A verdict with a trace was replayed: certain. One without rests on the search's having seen every state.
    private CheckResult Result(string property, PropertyKind kind, Verdict verdict, int depth, string? reason, Trace? trace) =>
        new(variant.Name, property, kind, engine, verdict, store.Count, Transitions, depth, Seconds, reason, trace)
        {
            Complete = Complete,
            CollisionProbability = trace is null && verdict is Verdict.Holds or Verdict.Violated ? store.CollisionProbability : null,
        };

    // The canonical shortest trace to a state where the property's verdict shows: the search
    // recorded every such state of the shortest level, and the ranking chooses among them. Should
    // ranking the level take the search past its time limit's grace (it stopped inside the
    // level's parents), the trace is the first witness's: as short, not the least.
    private Trace LeastTrace(IReadOnlyList<int> witnesses)
    {
        var level = ranking.LevelOf(witnesses[0]);
        if (!ranking.TryFinish(level, overtime))
        {
            return builder.Build(witnesses[0]);
        }

        var (path, steps) = ranking.PathTo(ranking.Least(witnesses, level));
        return builder.Build(path, steps);
    }
}
