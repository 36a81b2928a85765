using HvModel.Core.Ir;
using HvModel.Explicit.Liveness;

namespace HvModel.Tests.Liveness;

/// <summary>
/// The search for fair infinite behaviours: known answers on small graphs, and on thousands of
/// random graphs agreement with a reference that tries every set of states as the set a fair
/// behaviour visits forever; every behaviour found is checked to be a real, fair lasso.
/// </summary>
public class FairBehavioursTests
{
    // Instances: 0 spin (0 -> 0), 1 go (0 -> 1), 2 stay (1 -> 1). The behaviour must stay out of state 1.
    private static LivenessGraph Spinner(Fairness go)
    {
        var g = new LivenessGraph(2, [Fairness.None, go, Fairness.None]);
        g.AddTransition(0, 0, 0);
        g.AddTransition(0, 1, 1);
        g.AddTransition(1, 1, 2);
        return g;
    }

    [Fact]
    public void Without_fairness_a_behaviour_may_spin_forever()
    {
        var lasso = FairBehaviours.Find(Spinner(Fairness.None), [(0, 0)], s => s == 0);

        Assert.NotNull(lasso);
        Assert.Equal([0], lasso.Stem);

        // Stopping in state 0 is as fair as spinning there: the shortest stem is all that is promised.
        Assert.True(lasso.Stutters || lasso.Cycle.SequenceEqual([0]));
    }

    [Fact]
    public void Weak_fairness_on_an_action_enabled_all_along_forces_it()
    {
        Assert.Null(FairBehaviours.Find(Spinner(Fairness.Weak), [(0, 0)], s => s == 0));
    }

    // 0 -x-> 1 -y-> 0, and 0 -goal-> 2: the goal is enabled in state 0 only, so again and again but not all along.
    private static LivenessGraph Flicker(Fairness goal)
    {
        var g = new LivenessGraph(3, [Fairness.Weak, Fairness.Weak, goal]);
        g.AddTransition(0, 1, 0);
        g.AddTransition(1, 0, 1);
        g.AddTransition(0, 2, 2);
        return g;
    }

    [Fact]
    public void An_action_enabled_again_and_again_is_forced_by_strong_fairness_only()
    {
        var weak = FairBehaviours.Find(Flicker(Fairness.Weak), [(0, 0)], s => s != 2);

        Assert.NotNull(weak);
        Assert.Equal([1, 0], weak.Cycle);
        Assert.Null(FairBehaviours.Find(Flicker(Fairness.Strong), [(0, 0)], s => s != 2));
    }

    [Fact]
    public void Stopping_is_fair_where_no_fair_action_is_enabled()
    {
        var g = new LivenessGraph(2, [Fairness.None]);
        g.AddTransition(0, 1, 0);

        var lasso = FairBehaviours.Find(g, [(0, 0)], s => s == 0);

        Assert.NotNull(lasso);
        Assert.True(lasso.Stutters);
        Assert.Equal(0, lasso.Entry);
    }

    [Fact]
    public void A_behaviour_that_must_visit_accepting_states_again_and_again_finds_a_cycle_through_one()
    {
        // 0 <-> 1 and 0 <-> 2, all weakly fair; 2 is accepting.
        var g = new LivenessGraph(4, [Fairness.Weak, Fairness.Weak, Fairness.Weak, Fairness.Weak]);
        g.AddTransition(0, 1, 0);
        g.AddTransition(1, 0, 1);
        g.AddTransition(0, 2, 2);
        g.AddTransition(2, 0, 3);

        var lasso = FairBehaviours.Find(g, [(0, 0)], _ => true, s => s == 2);

        Assert.NotNull(lasso);
        Assert.Contains(2, lasso.Cycle);
        Check(g, lasso, _ => true, s => s == 2);
    }

    [Fact]
    public void Random_graphs_agree_with_trying_every_set_of_states()
    {
        var random = new Random(20261207);
        var (found, none) = (0, 0);
        for (var n = 0; n < 3000; n++)
        {
            var (g, allowed, accepting) = RandomGraph(random);
            var lasso = FairBehaviours.Find(g, [(0, 0)], allowed, accepting);
            var expected = Reference(g, allowed, accepting);

            Assert.True(expected == (lasso is not null), $"graph {n}: the search says {(lasso is null ? "none" : "found")}, the reference {(expected ? "found" : "none")}");
            if (lasso is not null)
            {
                Check(g, lasso, allowed, accepting);
                found++;
            }
            else
            {
                none++;
            }
        }

        // A comparison that compares nothing does not count.
        Assert.True(found > 300 && none > 300, $"{found} found, {none} none");
    }

    /// <summary>The lasso is a path of the graph, from the start, through allowed states, fair, and accepting again and again.</summary>
    private static void Check(LivenessGraph g, Lasso lasso, Func<int, bool> allowed, Func<int, bool>? accepting)
    {
        Assert.Equal(0, lasso.Stem[0]);
        var states = lasso.Stem.Concat(lasso.Cycle).ToList();
        var instances = lasso.StemInstances.Concat(lasso.CycleInstances).ToList();
        Assert.Equal(states.Count - 1, instances.Count);
        for (var i = 0; i + 1 < states.Count; i++)
        {
            Assert.Contains(g.Successors(states[i]), e => e.To == states[i + 1] && e.Instance == instances[i]);
        }

        Assert.All(states, s => Assert.True(allowed(s)));
        if (lasso.Stutters)
        {
            Assert.Empty(g.FairEnabled(lasso.Entry));
            Assert.True(accepting is null || accepting(lasso.Entry));
            return;
        }

        Assert.Equal(lasso.Entry, lasso.Cycle[^1]);
        Assert.True(FairBehaviours.IsFairCycle(g, [.. lasso.Cycle], [.. lasso.CycleInstances]), "the cycle is not fair");
        Assert.True(accepting is null || lasso.Cycle.Any(accepting));
    }

    /// <summary>
    /// Whether a fair behaviour exists, by brute force: a state to stop in, or a set of states,
    /// strongly connected by its own transitions, whose transitions repeated forever are fair.
    /// </summary>
    private static bool Reference(LivenessGraph g, Func<int, bool> allowed, Func<int, bool>? accepting)
    {
        var region = new HashSet<int>();
        var queue = new Queue<int>(allowed(0) ? [0] : []);
        while (queue.TryDequeue(out var s))
        {
            if (allowed(s) && region.Add(s))
            {
                foreach (var (t, _, _) in g.Successors(s))
                {
                    queue.Enqueue(t);
                }
            }
        }

        if (region.Any(s => !g.FairEnabled(s).Any() && (accepting is null || accepting(s))))
        {
            return true;
        }

        var states = region.Order().ToList();
        for (var mask = 1; mask < 1 << states.Count; mask++)
        {
            var set = states.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            var inside = set.SelectMany(u => g.Successors(u).Where(e => set.Contains(e.To)).Select(e => (From: u, e.To, e.Instance))).ToList();
            if (inside.Count == 0 || !StronglyConnected(set, inside) || (accepting is not null && !set.Any(accepting)))
            {
                continue;
            }

            if (FairBehaviours.IsFairCycle(g, set, [.. inside.Select(e => e.Instance).Distinct()]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StronglyConnected(HashSet<int> set, List<(int From, int To, int Instance)> edges)
    {
        bool ReachesAll(Func<(int From, int To, int Instance), (int, int)> direction)
        {
            var seen = new HashSet<int> { set.First() };
            var queue = new Queue<int>(seen);
            while (queue.TryDequeue(out var u))
            {
                foreach (var (a, b) in edges.Select(direction).Where(e => e.Item1 == u))
                {
                    if (seen.Add(b))
                    {
                        queue.Enqueue(b);
                    }
                }
            }

            return seen.Count == set.Count;
        }

        return ReachesAll(e => (e.From, e.To)) && ReachesAll(e => (e.To, e.From));
    }

    private static (LivenessGraph Graph, Func<int, bool> Allowed, Func<int, bool>? Accepting) RandomGraph(Random random)
    {
        var states = random.Next(1, 7);
        var instances = random.Next(1, 4);
        var fairness = Enumerable.Range(0, instances).Select(_ => (Fairness)random.Next(3)).ToList();
        var g = new LivenessGraph(states, fairness);
        for (var u = 0; u < states; u++)
        {
            for (var a = 0; a < instances; a++)
            {
                if (random.Next(3) > 0)
                {
                    g.AddTransition(u, random.Next(states), a);
                }
            }
        }

        var allowed = Enumerable.Range(0, states).Select(s => s == 0 || random.Next(4) > 0).ToArray();
        var accepting = Enumerable.Range(0, states).Select(_ => random.Next(3) == 0).ToArray();
        return (g, s => allowed[s], random.Next(2) == 0 ? null : s => accepting[s]);
    }
}
