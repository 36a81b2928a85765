using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit;

namespace HvModel.Tests.Explicit;

/// <summary>
/// The engine ranks least traces during its search; a second implementation here ranks them
/// after a search of its own, as the engine once did: level by level, every parent of a level
/// re-expanded by the interpreter, a child keyed by the least (rank of its parent, ordinal of
/// the action instance). Both must give the same counterexample, step for step, with the
/// whole state space explored and when a state limit stops the search inside a level (the
/// engine then expands the rest of that level's parents itself).
/// </summary>
public sealed class LeastTraceTests
{
    // Many shortest paths to a + b = 6, told apart by action order, parameters and branches.
    private const string Ties = """
        var a: 0 .. 6 = 0
        var b: 0 .. 6 = 0
        var c: 0 .. 2 = 0
        action b_up(k: 1 .. 2) when b + k <= 6 do b := b + k end
        action a_up(k: 1 .. 2) when a + k <= 6 do a := a + k end
        action spin do
          any v: 0 .. 2 where v != c do c := v end
        end
        action trade when a > 0 and b < 6 do
          a := a - 1
          b := b + 1
        end
        invariant small: a + b < 6
        """;

    // Two parents tie (one instance, two branches): A, stored first, reaches x by the last
    // action, B by the first. With 7 states the limit stops the search inside B's expansion,
    // before its step to x: only the ranking's own expansion of B finds the least trace.
    private const string Fork = """
        var c: 0 .. 2 = 0
        var d: 0 .. 1 = 0
        var e: 0 .. 3 = 0
        action b_noise(k: 1 .. 3) when c = 2 and d = 0 do e := k end
        action a_from_two when c = 2 do
          c := 0
          d := 1
        end
        action m_noise(k: 1 .. 3) when c = 1 and d = 0 do e := k end
        action z_from_one when c = 1 do
          c := 0
          d := 1
        end
        action fork when c = 0 and d = 0 and e = 0 do
          any v: 1 .. 2 do c := v end
        end
        invariant small: d = 0
        """;

    [Fact]
    public void A_limit_inside_a_parents_expansion_leaves_the_rest_of_it_to_the_ranking()
    {
        var model = ModelLoader.LoadText(Fork);
        var options = new CheckOptions { Symmetry = false, CheckDeadlock = false, MaxStates = 7 };
        var result = new ExplicitEngine().Check(model, model.Variants[0], [model.GetProperty("small")], options).Single();
        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal(["fork()", "a_from_two()"], result.Trace!.Steps.Skip(1).Select(s => $"{s.Action!.Name}({string.Join(',', s.Args)})"));
        Assert.Equal(2, result.Trace.Steps[1].State[0]);
        Assert.Equal(Reference(model, model.Variants[0], 7), ["fork()", "a_from_two()"]);

        // Without the limit, the search's own edges rank B's step first (A's was found first).
        var whole = new ExplicitEngine().Check(model, model.Variants[0], [model.GetProperty("small")], options with { MaxStates = 1000 }).Single();
        Assert.Equal(["fork()", "a_from_two()"], whole.Trace!.Steps.Skip(1).Select(s => $"{s.Action!.Name}({string.Join(',', s.Args)})"));
    }

    /// <summary>
    /// After a stop inside a level, ranking it expands the rest of its parents: past the time
    /// limit's grace it gives up, leaves the level unranked for good, and the engine falls back
    /// to the first witness's (shortest) trace.
    /// </summary>
    [Fact]
    public void Ranking_a_level_after_a_stop_gives_up_when_the_run_is_past_its_time()
    {
        var model = ModelLoader.LoadText(Fork);
        var variant = model.Variants[0];
        LeastTraceRanking Ranking()
        {
            // The initial state (level 0) and one child of it (level 1), whose parent was never expanded.
            var semantics = new Semantics(model, variant);
            var codec = new StateCodec(model.Slots);
            var store = new StateStore(codec.Words);
            var levels = new List<int> { 0 };
            var ranking = new LeastTraceRanking(model, new InterpretedSuccessors(semantics, [], codec), codec, null, store, levels);
            var packed = new ulong[codec.Words];
            int[]? root = null;
            semantics.InitialStates(s => root ??= (int[])s.Clone());
            codec.Pack(root!, packed);
            ranking.Discovered(store.Add(packed, -1, out _));
            ranking.LevelComplete(0);
            levels.Add(1);
            int[]? child = null;
            semantics.Successors(root!, (_, _, next) => child ??= (int[])next.Clone());
            codec.Pack(child!, packed);
            ranking.Discovered(store.Add(packed, 0, out _));
            return ranking;
        }

        var late = Ranking();
        Assert.False(late.TryFinish(1, () => true));
        Assert.False(late.TryFinish(1, () => false));
        Assert.Throws<InvalidOperationException>(() => late.PathTo(1));

        var inTime = Ranking();
        Assert.True(inTime.TryFinish(1, () => false));
        Assert.Equal([0, 1], inTime.PathTo(1).Path);
    }

    // 0: no limit. The others stop the search inside its last levels (67 states in all).
    public static TheoryData<int> Limits() => [0, .. Enumerable.Range(20, 48)];

    [Theory]
    [MemberData(nameof(Limits))]
    public void The_search_ranks_the_traces_the_level_by_level_ranking_gives(int maxStates)
    {
        var model = ModelLoader.LoadText(Ties);
        var variant = model.Variants[0];
        var options = new CheckOptions { Symmetry = false, CheckDeadlock = false, MaxStates = maxStates == 0 ? 50_000_000 : maxStates };
        var engine = new ExplicitEngine();
        var result = engine.Check(model, variant, [model.GetProperty("small")], options).Single();
        var expected = Reference(model, variant, maxStates);

        // What the ranking keeps is counted (--stats, the memory limit): 12 bytes a state at least.
        Assert.InRange(engine.LastStats!.RankingBytesPerState, 12, 64);
        if (expected is null)
        {
            Assert.Equal(Verdict.Unknown, result.Verdict);
            return;
        }

        Assert.Equal(Verdict.Violated, result.Verdict);
        var steps = result.Trace!.Steps.Skip(1).Select(s => $"{s.Action!.Name}({string.Join(',', s.Args)})").ToList();
        Assert.Equal(expected, steps);

        // Under fingerprints the ranking after a stop expands parents from the states still kept whole.
        var fingerprinted = engine.Check(model, variant, [model.GetProperty("small")], options with { Fingerprints = true }).Single();
        Assert.Equal(expected, fingerprinted.Trace!.Steps.Skip(1).Select(s => $"{s.Action!.Name}({string.Join(',', s.Args)})"));
    }

    /// <summary>The least shortest trace to a violation among the states a search capped at <paramref name="maxStates"/> stores (0: no cap).</summary>
    private static List<string>? Reference(Model model, Variant variant, int maxStates)
    {
        var semantics = new Semantics(model, variant);
        var property = model.GetProperty("small");
        var index = new Dictionary<int[], int>(StateEquality.Instance);
        var states = new List<int[]>();
        var levels = new List<int> { 0 };
        bool Add(int[] s)
        {
            if (index.ContainsKey(s))
            {
                return true;
            }

            if (maxStates > 0 && states.Count >= maxStates)
            {
                return false;
            }

            index[(int[])s.Clone()] = states.Count;
            states.Add((int[])s.Clone());
            return true;
        }

        // The engine's order: initial states, then each state's successors in the interpreter's order.
        semantics.InitialStates(s => Add(s));
        var levelEnd = states.Count;
        var full = false;
        for (var cursor = 0; cursor < states.Count && !full; cursor++)
        {
            if (cursor == levelEnd)
            {
                levels.Add(cursor);
                levelEnd = states.Count;
            }

            // The engine examines a state before it expands it, and stops at the first violation.
            if (!semantics.Holds(property, states[cursor]))
            {
                break;
            }

            semantics.Successors(states[cursor], (_, _, next) => full |= !Add(next));
        }

        if (levelEnd < states.Count && levels[^1] != levelEnd)
        {
            levels.Add(levelEnd);
        }

        var first = Enumerable.Range(0, states.Count).FirstOrDefault(i => !semantics.Holds(property, states[i]), -1);
        if (first < 0)
        {
            return null;
        }

        // Ranks, level by level, with every parent re-expanded.
        var instanceBase = new Dictionary<ActionDef, int>();
        var offset = 0;
        foreach (var action in model.Actions)
        {
            instanceBase[action] = offset;
            offset += action.InstanceCount;
        }

        var rank = new int[states.Count];
        var parent = Enumerable.Repeat(-1, states.Count).ToArray();
        var step = new string?[states.Count];
        var targetLevel = levels.FindLastIndex(start => start <= first);
        for (var level = 1; level <= targetLevel; level++)
        {
            var start = levels[level];
            var end = level + 1 < levels.Count ? levels[level + 1] : states.Count;
            var key = Enumerable.Repeat(long.MaxValue, end - start).ToArray();
            for (var p = levels[level - 1]; p < start; p++)
            {
                semantics.Successors(states[p], (action, args, next) =>
                {
                    if (index.TryGetValue(next, out var child) && child >= start && child < end)
                    {
                        var k = ((long)rank[p] * offset) + instanceBase[action] + action.OrdinalOf(args);
                        if (k < key[child - start])
                        {
                            key[child - start] = k;
                            parent[child] = p;
                            step[child] = $"{action.Name}({string.Join(',', args)})";
                        }
                    }
                });
            }

            var distinct = key.Distinct().Order().ToList();
            for (var c = 0; c < key.Length; c++)
            {
                rank[start + c] = distinct.IndexOf(key[c]);
            }
        }

        var levelStart = levels[targetLevel];
        var levelStop = targetLevel + 1 < levels.Count ? levels[targetLevel + 1] : states.Count;
        var target = Enumerable.Range(levelStart, levelStop - levelStart).Where(i => !semantics.Holds(property, states[i]))
            .OrderBy(i => rank[i]).ThenBy(i => i).First();
        var path = new List<string>();
        for (var i = target; parent[i] >= 0; i = parent[i])
        {
            path.Add(step[i]!);
        }

        path.Reverse();
        return path;
    }
}
