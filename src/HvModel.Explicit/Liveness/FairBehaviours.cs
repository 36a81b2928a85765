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
            var (stem, steps) = Path(parent, s0);
            return new Lasso(stem, steps, []);
        }

        if (components.Count == 0)
        {
            return null;
        }

        var component = components.MinBy(c => distance[c.Entry]);

        var (stemStates, stemSteps) = Path(parent, component.Entry);
        return new Lasso(stemStates, stemSteps, FairCycle.Through(g, component.Component, component.Entry, accepting));
    }

    /// <summary>Whether a cycle through exactly <paramref name="states"/>, taking <paramref name="taken"/>, repeated forever, is fair (without symmetry: instances as they are).</summary>
    public static bool IsFairCycle(LivenessGraph g, IReadOnlyCollection<int> states, IReadOnlyCollection<int> taken)
    {
        var enabled = states.SelectMany(g.FairEnabled).Distinct();
        return enabled.All(a => taken.Contains(a) || (g.Fairness[a] == Fairness.Weak && states.Any(s => !g.Enabled(s, a))));
    }

    /// <summary>
    /// The components in which some cycle is fair (and meets <paramref name="accepting"/>), each
    /// refined as far as strong fairness needs. Under symmetry fairness is judged per orbit of
    /// instances in the component's lift (see <see cref="QuotientFrames"/>); without it every
    /// orbit is one instance.
    /// </summary>
    private static IEnumerable<HashSet<int>> FairComponents(LivenessGraph g, HashSet<int> region, Func<int, bool>? accepting)
    {
        var tarjan = new Tarjan(g);
        var work = new Stack<HashSet<int>>(tarjan.Components(region));
        while (work.TryPop(out var c))
        {
            if (!HasCycle(g, c) || (accepting is not null && !c.Any(accepting)))
            {
                continue;
            }

            var frames = new QuotientFrames(g, c, c.Min());
            var fair = true;
            foreach (var o in frames.EnabledOrbits.Where(o => !frames.TakenOrbits.Contains(o)))
            {
                if (g.Fairness[o] == Fairness.Weak)
                {
                    // Enabled whole in every state and never taken: no cycle in here is fair.
                    fair = c.Any(s => !frames.EnablesWhole(s, o));
                    if (!fair)
                    {
                        break;
                    }

                    continue;
                }

                // Strongly fair and never taken: a fair cycle must avoid every state enabling any of it.
                foreach (var sub in tarjan.Components([.. c.Where(s => !frames.EnablesSome(s, o))]))
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

    /// <summary>Shortest distances from the starts through allowed states, and the transition each state was reached by.</summary>
    private static (int[] Distance, (int State, Step Step)[] Parent) Distances(LivenessGraph g, IEnumerable<(int State, int Distance)> starts, Func<int, bool> allowed)
    {
        var distance = Enumerable.Repeat(int.MaxValue, g.StateCount).ToArray();
        var parent = Enumerable.Repeat((-1, default(Step)), g.StateCount).ToArray();
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

            foreach (var step in g.Successors(u))
            {
                if (allowed(step.To) && d + 1 < distance[step.To])
                {
                    distance[step.To] = d + 1;
                    parent[step.To] = (u, step);
                    queue.Enqueue(step.To, d + 1);
                }
            }
        }

        return (distance, parent);
    }

    private static (List<int> States, List<Step> Steps) Path((int State, Step Step)[] parent, int to)
    {
        var states = new List<int> { to };
        var steps = new List<Step>();
        while (parent[states[^1]].State >= 0)
        {
            steps.Add(parent[states[^1]].Step);
            states.Add(parent[states[^1]].State);
        }

        states.Reverse();
        steps.Reverse();
        return (states, steps);
    }

    private static bool HasCycle(LivenessGraph g, HashSet<int> c) => c.Count > 1 || c.Any(u => g.Successors(u).Any(s => s.To == u));
}
