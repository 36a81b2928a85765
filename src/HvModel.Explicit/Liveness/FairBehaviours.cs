using HvModel.Core.Ir;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// Finds a fair infinite behaviour in a finite graph (the Emerson-Lei fixpoint over strongly
/// connected components). A behaviour is fair, as in TLC, when every weakly fair instance that is
/// enabled from some point on is taken again and again, and every strongly fair instance enabled
/// again and again is taken again and again. A behaviour may stop taking steps in any state
/// (stutter); it is then fair only where no fair instance is enabled, since one enabled forever
/// would have to be taken.
/// </summary>
public static class FairBehaviours
{
    /// <summary>
    /// A fair behaviour that starts in one of <paramref name="starts"/> (each with the length of
    /// the path that reached it, so that the stem counted from there is the shortest), stays in
    /// <paramref name="allowed"/> states forever and, when <paramref name="accepting"/> is given,
    /// is in an accepting state again and again. Its stem is the shortest to any state from which
    /// such a behaviour continues; its cycle is one that meets every fairness demand, not
    /// necessarily the shortest. Null when there is none.
    /// </summary>
    public static Lasso? Find(LivenessGraph g, IEnumerable<(int State, int Distance)> starts, Func<int, bool> allowed, Func<int, bool>? accepting = null)
    {
        var (distance, parent) = Distances(g, starts.Where(s => allowed(s.State)), allowed);
        var region = Enumerable.Range(0, g.StateCount).Where(s => distance[s] < int.MaxValue).ToHashSet();

        // Stopping in a state is fair where no fair instance is enabled.
        var stutter = region.Where(s => !g.FairEnabled(s).Any() && (accepting is null || accepting(s)))
            .OrderBy(s => distance[s]).Cast<int?>().FirstOrDefault();
        var components = FairComponents(g, region, accepting).Select(c => (Component: c, Entry: c.MinBy(s => distance[s]))).ToList();
        if (stutter is { } s0 && components.All(c => distance[s0] <= distance[c.Entry]))
        {
            var (stem, instances) = Path(parent, s0);
            return new Lasso(stem, instances, [], []);
        }

        if (components.Count == 0)
        {
            return null;
        }

        var component = components.MinBy(c => distance[c.Entry]);

        var (stemStates, stemInstances) = Path(parent, component.Entry);
        var (cycle, cycleInstances) = Cycle(g, component.Component, component.Entry, accepting);
        return new Lasso(stemStates, stemInstances, cycle, cycleInstances);
    }

    /// <summary>Whether a cycle through exactly <paramref name="states"/>, taking <paramref name="taken"/>, repeated forever, is fair.</summary>
    public static bool IsFairCycle(LivenessGraph g, IReadOnlyCollection<int> states, IReadOnlyCollection<int> taken)
    {
        var enabled = states.SelectMany(g.FairEnabled).Distinct();
        return enabled.All(a => taken.Contains(a) || (g.Fairness[a] == Fairness.Weak && states.Any(s => !g.Enabled(s, a))));
    }

    /// <summary>The components in which some cycle is fair (and meets <paramref name="accepting"/>), each refined as far as strong fairness needs.</summary>
    private static IEnumerable<HashSet<int>> FairComponents(LivenessGraph g, HashSet<int> region, Func<int, bool>? accepting)
    {
        var work = new Stack<HashSet<int>>(Components(g, region));
        while (work.TryPop(out var c))
        {
            if (!HasCycle(g, c) || (accepting is not null && !c.Any(accepting)))
            {
                continue;
            }

            var taken = Inside(g, c).Select(e => e.Instance).ToHashSet();
            var fair = true;
            foreach (var a in c.SelectMany(g.FairEnabled).Distinct().Where(a => !taken.Contains(a)))
            {
                if (g.Fairness[a] == Fairness.Weak)
                {
                    // Enabled in every state and never taken: no cycle in here is fair.
                    fair = c.Any(s => !g.Enabled(s, a));
                    if (!fair)
                    {
                        break;
                    }

                    continue;
                }

                // Strongly fair and never taken: a fair cycle must avoid every state enabling it.
                foreach (var sub in Components(g, [.. c.Where(s => !g.Enabled(s, a))]))
                {
                    work.Push(sub);
                }

                fair = false;
                break;
            }

            if (fair)
            {
                yield return c;
            }
        }
    }

    /// <summary>
    /// A cycle from <paramref name="entry"/> back to it inside a fair component that takes every
    /// fair instance taken there, passes a state disabling each weakly fair one never taken, and
    /// an accepting state.
    /// </summary>
    private static (List<int> States, List<int> Instances) Cycle(LivenessGraph g, HashSet<int> c, int entry, Func<int, bool>? accepting)
    {
        var states = new List<int>();
        var instances = new List<int>();
        var at = entry;
        void GoTo(int target)
        {
            var (path, via) = PathInside(g, c, at, target);
            states.AddRange(path.Skip(1));
            instances.AddRange(via);
            at = target;
        }

        var inside = Inside(g, c).ToList();
        foreach (var a in c.SelectMany(g.FairEnabled).Distinct())
        {
            // A demand the cycle so far meets already: the instance taken, or a state disabling it.
            if (instances.Contains(a) || (g.Fairness[a] == Fairness.Weak && !inside.Exists(e => e.Instance == a) && states.Prepend(entry).Any(s => !g.Enabled(s, a))))
            {
                continue;
            }

            var taking = inside.FindIndex(e => e.Instance == a);
            if (taking >= 0)
            {
                var edge = inside[taking];
                GoTo(edge.From);
                states.Add(edge.To);
                instances.Add(a);
                at = edge.To;
            }
            else
            {
                GoTo(c.First(s => !g.Enabled(s, a)));
            }
        }

        if (accepting is not null && !states.Prepend(entry).Any(accepting))
        {
            GoTo(c.Where(accepting).Min());
        }

        if (states.Count == 0)
        {
            // No demand: any step inside, then back.
            var first = inside.First(e => e.From == entry);
            states.Add(first.To);
            instances.Add(first.Instance);
            at = first.To;
        }

        if (at != entry || states.Count == 0)
        {
            GoTo(entry);
        }

        return (states, instances);
    }

    private static (int[] Distance, (int State, int Instance)[] Parent) Distances(LivenessGraph g, IEnumerable<(int State, int Distance)> starts, Func<int, bool> allowed)
    {
        var distance = Enumerable.Repeat(int.MaxValue, g.StateCount).ToArray();
        var parent = Enumerable.Repeat((-1, -1), g.StateCount).ToArray();
        var queue = new PriorityQueue<int, int>();
        foreach (var (s, d) in starts)
        {
            if (d < distance[s])
            {
                distance[s] = d;
                queue.Enqueue(s, d);
            }
        }

        while (queue.TryDequeue(out var u, out var d))
        {
            if (d > distance[u])
            {
                continue;
            }

            foreach (var (v, a) in g.Successors(u))
            {
                if (allowed(v) && d + 1 < distance[v])
                {
                    distance[v] = d + 1;
                    parent[v] = (u, a);
                    queue.Enqueue(v, d + 1);
                }
            }
        }

        return (distance, parent);
    }

    private static (List<int> States, List<int> Instances) Path((int State, int Instance)[] parent, int to)
    {
        var states = new List<int> { to };
        var instances = new List<int>();
        while (parent[states[^1]].State >= 0)
        {
            instances.Add(parent[states[^1]].Instance);
            states.Add(parent[states[^1]].State);
        }

        states.Reverse();
        instances.Reverse();
        return (states, instances);
    }

    /// <summary>A shortest path inside <paramref name="c"/>; from a state to itself, the empty path.</summary>
    private static (List<int> States, List<int> Instances) PathInside(LivenessGraph g, HashSet<int> c, int from, int to)
    {
        var (_, parent) = Distances(g, [(from, 0)], c.Contains);
        return Path(parent, to);
    }

    private static IEnumerable<(int From, int To, int Instance)> Inside(LivenessGraph g, HashSet<int> c) =>
        c.SelectMany(u => g.Successors(u).Where(s => c.Contains(s.To)).Select(s => (u, s.To, s.Instance)));

    private static bool HasCycle(LivenessGraph g, HashSet<int> c) => c.Count > 1 || Inside(g, c).Any();

    /// <summary>The strongly connected components of the subgraph on <paramref name="states"/> (Tarjan's, iterative).</summary>
    private static List<HashSet<int>> Components(LivenessGraph g, HashSet<int> states) => Tarjan.Components(g, states);
}
