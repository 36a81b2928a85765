using HvModel.Core.Ir;

namespace HvModel.Explicit.Liveness;

/// <summary>
/// The cycle of a lasso, inside a component that <see cref="FairBehaviours"/> found fair: from
/// the entry back to it, taking every fair instance taken in there, passing a state that
/// disables each weakly fair one never taken, and an accepting state when one is needed.
///
/// Under symmetry the cycle is walked in the component's lift: a node is a stored state with
/// the frame in which the behaviour meets it (see <see cref="QuotientFrames"/>), the entry
/// starting in the identity frame. The demands are concrete instances as the entry sees them,
/// the instances of every orbit enabled somewhere in the lift, and the cycle closes only back
/// at the entry in the identity frame: then the concrete behaviour is back in the very state it
/// left, whatever the frame its stem brought it in. Without symmetry every frame is the identity
/// and the lift is the component itself.
/// </summary>
internal static class FairCycle
{
    private readonly record struct Node(int Frame, int State);

    public static List<Step> Through(LivenessGraph g, HashSet<int> c, int entry, Func<int, bool>? accepting)
    {
        var r = g.Renamings;
        var frames = new QuotientFrames(g, c, entry);
        var start = new Node(0, entry);
        var steps = new List<Step>();
        var visited = new List<Node> { start };
        var taken = new HashSet<int>();
        var at = start;

        void Walk(List<(Step Step, Node To)> path)
        {
            foreach (var (step, to) in path)
            {
                taken.Add(r.Instance(at.Frame, step.Instance));
                steps.Add(step);
                visited.Add(to);
                at = to;
            }
        }

        bool Disables(Node n, int y) => !g.Enabled(n.State, r.Instance(r.Inverse(n.Frame), y));

        foreach (var y in frames.EnabledInstances.ToList())
        {
            // A demand the cycle so far meets already: the instance taken, or a state disabling it.
            var orbitTaken = frames.TakenOrbits.Contains(frames.Orbit(y));
            if (taken.Contains(y) || (g.Fairness[y] == Fairness.Weak && !orbitTaken && visited.Exists(n => Disables(n, y))))
            {
                continue;
            }

            if (orbitTaken)
            {
                Walk(Search(g, c, at, n => Taking(g, c, n, y) is not null));
                var step = Taking(g, c, at, y)!.Value;
                Walk([(step, Next(r, at, step))]);
            }
            else
            {
                Walk(Search(g, c, at, n => Disables(n, y)));
            }
        }

        if (accepting is not null && !visited.Exists(n => accepting(n.State)))
        {
            Walk(Search(g, c, at, n => accepting(n.State)));
        }

        if (steps.Count == 0)
        {
            // No demand: any step inside, then back.
            var first = g.Successors(entry).First(e => c.Contains(e.To));
            Walk([(first, Next(r, at, first))]);
        }

        Walk(Search(g, c, at, n => n == start));
        return steps;
    }

    /// <summary>A transition inside the component that takes <paramref name="y"/> (as the entry sees it) from node <paramref name="n"/>.</summary>
    private static Step? Taking(LivenessGraph g, HashSet<int> c, Node n, int y)
    {
        foreach (var step in g.Successors(n.State))
        {
            if (c.Contains(step.To) && g.Renamings.Instance(n.Frame, step.Instance) == y)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>Where a transition leads in the lift: its stored state, in the frame after its renaming.</summary>
    private static Node Next(Renamings r, Node from, Step step) => new(r.Compose(from.Frame, r.Inverse(step.Renaming)), step.To);

    /// <summary>A shortest path in the lift from <paramref name="from"/> to a node that meets <paramref name="goal"/> (empty when it does already).</summary>
    private static List<(Step Step, Node To)> Search(LivenessGraph g, HashSet<int> c, Node from, Func<Node, bool> goal)
    {
        var parent = new Dictionary<Node, (Node From, Step Step)>();
        var queue = new Queue<Node>([from]);
        var seen = new HashSet<Node> { from };
        while (queue.TryDequeue(out var n))
        {
            if (goal(n))
            {
                var path = new List<(Step, Node)>();
                for (var at = n; at != from; at = parent[at].From)
                {
                    path.Add((parent[at].Step, at));
                }

                path.Reverse();
                return path;
            }

            foreach (var step in g.Successors(n.State))
            {
                var next = Next(g.Renamings, n, step);
                if (c.Contains(step.To) && seen.Add(next))
                {
                    parent[next] = (n, step);
                    queue.Enqueue(next);
                }
            }
        }

        // The lift of a strongly connected component is strongly connected: this cannot happen.
        throw new InvalidOperationException("liveness: no path in the lift of a fair component to where its cycle must go");
    }
}
