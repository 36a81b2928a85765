namespace HvModel.Explicit.Liveness;

/// <summary>Strongly connected components of a subgraph, by Tarjan's algorithm without recursion (graphs of millions of states would overflow the stack).</summary>
internal static class Tarjan
{
    public static List<HashSet<int>> Components(LivenessGraph g, HashSet<int> states)
    {
        var index = new Dictionary<int, int>();
        var low = new Dictionary<int, int>();
        var onStack = new HashSet<int>();
        var stack = new Stack<int>();
        var result = new List<HashSet<int>>();
        var next = 0;
        foreach (var root in states.Order())
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            // Each frame: a state and how many of its successors have been looked at.
            var frames = new Stack<(int State, int Child)>();
            frames.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack.Add(root);
            while (frames.TryPop(out var frame))
            {
                var (u, child) = frame;
                var successors = g.Successors(u);
                if (child < successors.Count)
                {
                    frames.Push((u, child + 1));
                    var v = successors[child].To;
                    if (!states.Contains(v))
                    {
                        continue;
                    }

                    if (!index.TryGetValue(v, out var seen))
                    {
                        index[v] = low[v] = next++;
                        stack.Push(v);
                        onStack.Add(v);
                        frames.Push((v, 0));
                    }
                    else if (onStack.Contains(v))
                    {
                        low[u] = Math.Min(low[u], seen);
                    }

                    continue;
                }

                // u is done: pass its low link up, and close its component if it is the root.
                if (frames.TryPeek(out var up))
                {
                    low[up.State] = Math.Min(low[up.State], low[u]);
                }

                if (low[u] == index[u])
                {
                    var component = new HashSet<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack.Remove(w);
                        component.Add(w);
                    }
                    while (w != u);
                    result.Add(component);
                }
            }
        }

        return result;
    }
}
