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
/// Works level by level over the states BFS stored: a state's key is the least
/// (rank of a parent one level up, ordinal of the action instance from it); ranks are the
/// keys densely numbered within a level, so paths that differ only in a branch choice tie and
/// are told apart by the steps after it.
/// </remarks>
internal sealed class LeastTraceRanking
{
    private readonly ISuccessorFunction successors;
    private readonly int slotCount;
    private readonly StateCodec codec;
    private readonly Symmetry? symmetry;
    private readonly StateStore store;
    private readonly IReadOnlyList<int> levelStarts;
    private readonly Dictionary<ActionDef, int> instanceBase = [];
    private readonly List<int> rank = [];
    private readonly List<int> bestParent = [];
    private readonly List<(ActionDef Action, int[] Args)?> bestStep = [];
    private int rankedLevels;

    public LeastTraceRanking(Model model, ISuccessorFunction successors, StateCodec codec, Symmetry? symmetry, StateStore store, IReadOnlyList<int> levelStarts)
    {
        this.successors = successors;
        slotCount = model.Slots.Length;
        this.codec = codec;
        this.symmetry = symmetry;
        this.store = store;
        this.levelStarts = levelStarts;
        // Instances are ordered across the model: by action in declaration order, then by ordinal.
        var offset = 0;
        foreach (var action in model.Actions)
        {
            instanceBase[action] = offset;
            offset += action.InstanceCount;
        }

        InstanceCount = Math.Max(1, offset);
    }

    private int InstanceCount { get; }

    public int LevelOf(int index)
    {
        var level = 0;
        while (level + 1 < levelStarts.Count && levelStarts[level + 1] <= index)
        {
            level++;
        }

        return level;
    }

    /// <summary>The states of a level, by index.</summary>
    public IEnumerable<int> Level(int level)
    {
        var end = level + 1 < levelStarts.Count ? levelStarts[level + 1] : store.Count;
        for (var i = levelStarts[level]; i < end; i++)
        {
            yield return i;
        }
    }

    /// <summary>The least-ranked state among <paramref name="candidates"/> (all of one level).</summary>
    public int Least(IEnumerable<int> candidates, int level)
    {
        RankUpTo(level);
        return candidates.OrderBy(i => rank[i]).ThenBy(i => i).First();
    }

    /// <summary>The path to <paramref name="target"/> with the action instance of each step.</summary>
    public (List<int> Path, List<(ActionDef Action, int[] Args)?> Steps) PathTo(int target)
    {
        RankUpTo(LevelOf(target));
        var path = new List<int>();
        var steps = new List<(ActionDef, int[])?>();
        for (var i = target; i >= 0; i = bestParent[i])
        {
            path.Add(i);
            steps.Add(bestStep[i]);
        }

        path.Reverse();
        steps.Reverse();
        return (path, steps);
    }

    private void RankUpTo(int level)
    {
        if (rankedLevels == 0)
        {
            foreach (var i in Level(0))
            {
                rank.Add(0);
                bestParent.Add(-1);
                bestStep.Add(null);
            }

            rankedLevels = 1;
        }

        var state = new int[slotCount];
        var packed = new ulong[codec.Words];
        while (rankedLevels <= level)
        {
            var parentLevel = rankedLevels - 1;
            var first = levelStarts[rankedLevels];
            var children = Level(rankedLevels).ToList();
            var key = new long[children.Count];
            Array.Fill(key, long.MaxValue);
            var parent = new int[children.Count];
            var step = new (ActionDef, int[])?[children.Count];
            foreach (var p in Level(parentLevel))
            {
                codec.Unpack(store.Get(p), state);
                symmetry?.Expanding(state);
                var parentRank = (long)rank[p];
                // Errors were dealt with by the search; states on shortest paths were expanded without one.
                successors.Successors(state, (action, args, next) =>
                {
                    symmetry?.Canonicalize(next);
                    codec.Pack(next, packed);
                    var child = store.Find(packed) - first;
                    if (child < 0 || child >= children.Count)
                    {
                        return;
                    }

                    var k = (parentRank * InstanceCount) + InstanceOrdinal(action, args);
                    if (k < key[child])
                    {
                        key[child] = k;
                        parent[child] = p;
                        step[child] = (action, (int[])args.Clone());
                    }
                }, IgnoreError);
                symmetry?.Expanding(null);
            }

            // Dense ranks: equal keys (one parent, one action instance, several branches) tie.
            var order = Enumerable.Range(0, children.Count).OrderBy(c => key[c]).ToList();
            var ranks = new int[children.Count];
            var current = 0;
            for (var j = 0; j < order.Count; j++)
            {
                if (j > 0 && key[order[j]] != key[order[j - 1]])
                {
                    current++;
                }

                ranks[order[j]] = current;
            }

            for (var c = 0; c < children.Count; c++)
            {
                rank.Add(ranks[c]);
                bestParent.Add(parent[c]);
                bestStep.Add(step[c]);
            }

            rankedLevels++;
        }
    }

    private static void IgnoreError(Core.Text.ModelRuntimeError error)
    {
    }

    private int InstanceOrdinal(ActionDef action, int[] args) => instanceBase[action] + action.OrdinalOf(args);
}
