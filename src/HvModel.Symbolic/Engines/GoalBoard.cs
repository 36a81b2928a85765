using HvModel.Core.Checking;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// The verdicts of a variant's goals as they are found, shared by the halves of an engine
/// that run at once (pdr's Spacer and its bmc): the first result written for a goal stands,
/// and <see cref="Decided"/> tells the others to stop working on it.
/// </summary>
internal sealed class GoalBoard
{
    private readonly object gate = new();
    private readonly IReadOnlyList<Goal> goals;
    private readonly Dictionary<Goal, CheckResult> results = new(ReferenceEqualityComparer.Instance);

    public GoalBoard(IReadOnlyList<Goal> goals)
    {
        this.goals = goals;
    }

    /// <summary>Called (on the deciding thread) once a goal is decided.</summary>
    public event Action<Goal>? Decided;

    /// <summary>The goals without a result yet, in order.</summary>
    public IReadOnlyList<Goal> Open
    {
        get
        {
            lock (gate)
            {
                return [.. goals.Where(g => !results.ContainsKey(g))];
            }
        }
    }

    public bool IsOpen(Goal goal)
    {
        lock (gate)
        {
            return !results.ContainsKey(goal);
        }
    }

    /// <summary>Records <paramref name="result"/> unless the goal already has one; true when it was recorded.</summary>
    public bool TryDecide(Goal goal, CheckResult result)
    {
        lock (gate)
        {
            if (!results.TryAdd(goal, result))
            {
                return false;
            }
        }

        Decided?.Invoke(goal);
        return true;
    }

    /// <summary>Every goal's result, in order; a goal still open has none (null).</summary>
    public IReadOnlyList<CheckResult?> Results
    {
        get
        {
            lock (gate)
            {
                return [.. goals.Select(g => results.GetValueOrDefault(g))];
            }
        }
    }
}
