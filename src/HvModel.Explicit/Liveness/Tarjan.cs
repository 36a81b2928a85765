namespace HvModel.Explicit.Liveness;

/// <summary>
/// Strongly connected components of subgraphs of one graph, by Tarjan's algorithm without
/// recursion (graphs of millions of states would overflow the stack). Its tables are indexed by
/// state and made once per graph, then reset for the states each call touched: the fixpoint of
/// strong fairness asks for the components of many small subgraphs of a large graph.
/// </summary>
internal sealed class Tarjan(LivenessGraph g)
{
    private readonly int[] index = [.. Enumerable.Repeat(-1, g.StateCount)];
    private readonly int[] low = new int[g.StateCount];
    private readonly bool[] onStack = new bool[g.StateCount];
    private readonly bool[] member = new bool[g.StateCount];

    public List<HashSet<int>> Components(HashSet<int> states)
    {
        foreach (var s in states)
        {
            member[s] = true;
        }

        try
        {
            return Search(states);
        }
        finally
        {
            foreach (var s in states)
            {
                member[s] = false;
                index[s] = -1;
            }
        }
    }

    private List<HashSet<int>> Search(HashSet<int> states)
    {
        var stack = new Stack<int>();
        var result = new List<HashSet<int>>();
        var next = 0;
        var frames = new Stack<(int State, int Child)>();
        foreach (var root in states.Order())
        {
            if (index[root] >= 0)
            {
                continue;
            }

            // Each frame: a state and how many of its successors have been looked at.
            frames.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (frames.TryPop(out var frame))
            {
                var (u, child) = frame;
                var successors = g.Successors(u);
                if (child < successors.Count)
                {
                    frames.Push((u, child + 1));
                    var v = successors[child].To;
                    if (!member[v])
                    {
                        continue;
                    }

                    if (index[v] < 0)
                    {
                        index[v] = low[v] = next++;
                        stack.Push(v);
                        onStack[v] = true;
                        frames.Push((v, 0));
                    }
                    else if (onStack[v])
                    {
                        low[u] = Math.Min(low[u], index[v]);
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
                        onStack[w] = false;
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
