using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Chooses, among all shortest paths to a set of target states, the one whose sequence of
/// action instances (action in declaration order, then arguments) comes first. So a
/// counterexample is not only shortest but also a canonical one, which the model author steers
/// by the order of the actions (the kernel's order, say), and not an accident of which
/// nondeterministic branch was explored first. Initial states all rank equal.
/// </summary>
/// <remarks>
/// Ranked during the search, not after it: a state's key is the least (rank of a parent one
/// level up, ordinal of the action instance from it) over the transitions the search takes
/// (<see cref="Edge(int, int, int)"/>, in the search's order, which is the order of the parents and of their
/// successors); once every parent of a level is expanded, its keys are final and become ranks,
/// densely numbered within the level (<see cref="LevelComplete"/>), so paths that differ only
/// in a branch choice tie and are told apart by the steps after it. Only a level whose parents
/// the search did not all expand (it stopped at a limit) needs the rest of them expanded
/// afterwards, one level at most.
/// </remarks>
internal sealed class LeastTraceRanking
{
    private readonly Model model;
    private readonly ISuccessorFunction successors;
    private readonly StateCodec codec;
    private readonly Symmetry? symmetry;
    private readonly StateStore store;
    private readonly IReadOnlyList<int> levelStarts;
    private readonly InstanceNumbering instances;

    // Per stored state: its rank within its level (-1 until ranked), the parent and the action
    // instance (model-wide ordinal) of its least path's last step (-1 for an initial state).
    private readonly List<int> rank = [];
    private readonly List<int> bestParent = [];
    private readonly List<int> bestInstance = [];

    // The keys of the states from `frontier` on: the level being discovered.
    private readonly List<long> keys = [];
    private int frontier;
    private int rankedLevels;

    private ActionDef? lastAction;
    private int lastBase;

    // The parent whose expansion began last (it may have been cut short by a limit).
    private int lastExpanding = -1;

    // Ranking the level after a stop ran out of time: it is left unranked.
    private bool abandoned;

    /// <summary>A ranking of the states <paramref name="store"/> holds; <paramref name="levelStarts"/> is the search's own list, which it adds to.</summary>
    public LeastTraceRanking(Model model, ISuccessorFunction successors, StateCodec codec, Symmetry? symmetry, StateStore store, IReadOnlyList<int> levelStarts)
    {
        this.model = model;
        this.successors = successors;
        this.codec = codec;
        this.symmetry = symmetry;
        this.store = store;
        this.levelStarts = levelStarts;
        // Instances are ordered across the model: by action in declaration order, then by ordinal.
        instances = new InstanceNumbering(model);
        InstanceCount = Math.Max(1, instances.Count);
    }

    private long InstanceCount { get; }

    /// <summary>Bytes held per the states ranked, and the keys of the level being discovered.</summary>
    public long RetainedBytes => ((long)(rank.Capacity + bestParent.Capacity + bestInstance.Capacity) * 4) + ((long)keys.Capacity * 8);

    /// <summary>A state was stored (indices come in order).</summary>
    public void Discovered(int index)
    {
        rank.Add(-1);
        bestParent.Add(-1);
        bestInstance.Add(-1);
        keys.Add(long.MaxValue);
    }

    /// <summary>The search begins expanding state <paramref name="from"/>.</summary>
    public void Expanding(int from) => lastExpanding = from;

    /// <summary>The search took a transition from <paramref name="from"/> to the stored state <paramref name="to"/>.</summary>
    public void Edge(int from, int to, ActionDef action, int[] args)
    {
        if (to >= frontier)
        {
            Edge(from, to, InstanceOrdinal(action, args));
        }
    }

    /// <summary>
    /// As <see cref="Edge(int, int, ActionDef, int[])"/>, with the action instance given by its
    /// model-wide ordinal (by action in declaration order, then by ordinal), which is also the
    /// compiled code's instance number.
    /// </summary>
    public void Edge(int from, int to, int instance)
    {
        if (to < frontier)
        {
            return;
        }

        var key = ((long)rank[from] * InstanceCount) + instance;
        if (key < keys[to - frontier])
        {
            keys[to - frontier] = key;
            bestParent[to] = from;
            bestInstance[to] = instance;
        }
    }

    /// <summary>Every parent of the level from <paramref name="start"/> to the last state stored is expanded: ranks it.</summary>
    public void LevelComplete(int start)
    {
        // Dense ranks: equal keys (one parent, one action instance, several branches) tie, so
        // the order of the sort among them does not matter. The keys are cleared below: sorted
        // in place, with the states' offsets alongside.
        var count = keys.Count;
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys);
        var order = new int[count];
        for (var c = 0; c < count; c++)
        {
            order[c] = c;
        }

        sorted.Sort(order.AsSpan());
        var current = 0;
        for (var j = 0; j < count; j++)
        {
            if (j > 0 && sorted[j] != sorted[j - 1])
            {
                current++;
            }

            rank[start + order[j]] = current;
        }

        frontier = start + count;
        keys.Clear();
        rankedLevels++;
    }

    public int LevelOf(int index)
    {
        var level = 0;
        while (level + 1 < levelStarts.Count && levelStarts[level + 1] <= index)
        {
            level++;
        }

        return level;
    }

    /// <summary>The least-ranked state among <paramref name="candidates"/> (all of one level, ranked: see <see cref="TryFinish"/>).</summary>
    public int Least(IEnumerable<int> candidates, int level)
    {
        RequireRanked(level);
        return candidates.OrderBy(i => rank[i]).ThenBy(i => i).First();
    }

    /// <summary>The path to <paramref name="target"/> with the action instance of each step.</summary>
    public (List<int> Path, List<(ActionDef Action, int[] Args)?> Steps) PathTo(int target)
    {
        RequireRanked(LevelOf(target));
        var path = new List<int>();
        var steps = new List<(ActionDef, int[])?>();
        for (var i = target; i >= 0; i = bestParent[i])
        {
            path.Add(i);
            steps.Add(Step(bestInstance[i]));
        }

        path.Reverse();
        steps.Reverse();
        return (path, steps);
    }

    private void RequireRanked(int level)
    {
        if (level >= rankedLevels)
        {
            throw new InvalidOperationException($"level {level} is not ranked: TryFinish it first");
        }
    }

    /// <summary>
    /// Ranks <paramref name="level"/> when the search stopped before expanding all of its
    /// parents: the rest of them (from the one it was expanding) are expanded here, in order,
    /// until <paramref name="overtime"/> says the run is past its time. False when the level is
    /// left unranked, then and on every later call.
    /// </summary>
    public bool TryFinish(int level, Func<bool> overtime)
    {
        if (level < rankedLevels)
        {
            return true;
        }

        if (abandoned)
        {
            return false;
        }

        if (level > rankedLevels)
        {
            throw new InvalidOperationException($"level {level} asked while {rankedLevels} are ranked: the search stores one level beyond the last it expanded");
        }

        if (level == 0)
        {
            // Stopped while storing the initial states: they all rank equal.
            LevelComplete(0);
            return true;
        }

        var parentsEnd = levelStarts[level];
        var state = new int[model.Slots.Length];
        var packed = new ulong[codec.Words];
        for (var p = Math.Max(lastExpanding, levelStarts[level - 1]); p < parentsEnd; p++)
        {
            if (overtime())
            {
                abandoned = true;
                return false;
            }

            codec.Unpack(store.Get(p), state);
            symmetry?.Expanding(state);
            var parent = p;
            // Errors were dealt with by the search; states on shortest paths were expanded without one.
            successors.Successors(state, (action, args, next) =>
            {
                if (symmetry is null)
                {
                    codec.Pack(next, packed);
                }
                else
                {
                    symmetry.Canonicalize(next, packed);
                }

                if (store.Find(packed) is var child and >= 0)
                {
                    Edge(parent, child, action, args);
                }
            }, IgnoreError);
            symmetry?.Expanding(null);
        }

        LevelComplete(frontier);
        return true;
    }

    private (ActionDef, int[])? Step(int instance)
    {
        if (instance < 0)
        {
            return null;
        }

        var step = instances.Instance(instance);
        return (step.Action, [.. step.Args]);
    }

    private static void IgnoreError(Core.Text.ModelRuntimeError error)
    {
    }

    // Successors come action by action: the last action's first ordinal is kept at hand.
    private int InstanceOrdinal(ActionDef action, int[] args)
    {
        if (!ReferenceEquals(action, lastAction))
        {
            lastAction = action;
            lastBase = instances.First(action);
        }

        return lastBase + action.OrdinalOf(args);
    }
}
