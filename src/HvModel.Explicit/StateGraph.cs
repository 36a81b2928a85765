using System.Collections.Immutable;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Graphs;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using QuikGraph;
using QuikGraph.Algorithms;

namespace HvModel.Explicit;

/// <summary>
/// Records the state graph of a BFS by observing it (states are the store's indices, edges
/// carry the action instances), then builds the <see cref="ExploredGraph"/> that reports draw:
/// the strongly connected components (QuikGraph), the dead ends, the states that violate each
/// invariant and the counterexamples' paths. It formats nothing.
/// </summary>
public sealed class StateGraph : IExplorationObserver
{
    private readonly Model model;
    private readonly Dictionary<int, (int[] State, int Depth)> states = [];

    // An edge per (source, target, action), with the ordinals of the instances that make it.
    private readonly Dictionary<(int From, int To, ActionDef Action), List<int>> edges = [];
    private readonly Dictionary<ActionDef, int> actionOrder;

    public StateGraph(Model model)
    {
        this.model = model;
        actionOrder = model.Actions.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i);
    }

    public int StateCount => states.Count;

    public int EdgeCount => edges.Count;

    // A state's array and its dictionary entry; an edge's key, entry and list of ordinals.
    public long RetainedBytes => (states.Count * ((model.Slots.Length * 4L) + 72)) + (edges.Count * 200L);

    public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state) => states[index] = (state.ToArray(), depth);

    public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args)
    {
        var ordinal = action.OrdinalOf(args.ToArray());
        if (!edges.TryGetValue((from, to, action), out var ordinals))
        {
            edges[(from, to, action)] = [ordinal];
        }
        else if (!ordinals.Contains(ordinal))
        {
            ordinals.Add(ordinal);
        }
    }

    /// <summary>
    /// The graph as recorded, for <paramref name="variant"/>; <paramref name="cut"/> says why the
    /// search stopped early (null when it saw every reachable state), <paramref name="symmetry"/>
    /// whether it stored representatives, and <paramref name="results"/> (the run's verdicts)
    /// give the counterexamples to draw.
    /// </summary>
    public ExploredGraph Build(Variant variant, string? cut, bool symmetry, IReadOnlyList<CheckResult> results)
    {
        // Ids are the store's indices, which BFS hands out from 0 without gaps; renumbered all the same.
        var indices = states.Keys.Order().ToArray();
        var id = indices.Select((index, i) => (index, i)).ToDictionary(p => p.index, p => p.i);
        var edgeList = edges
            .Select(e => (From: id[e.Key.From], To: id[e.Key.To], e.Key.Action, Ordinals: e.Value))
            .OrderBy(e => e.From).ThenBy(e => e.To).ThenBy(e => actionOrder[e.Action])
            .Select((e, i) => new GraphEdge(i, e.From, e.To, [.. e.Ordinals.Order().Select(e.Action.Instance)]))
            .ToImmutableArray();

        var complete = cut is null;
        var (componentOf, components) = Components(indices.Length, edgeList, complete);
        var semantics = new Semantics(model, variant);
        var invariants = model.Properties.Where(p => p.Kind == PropertyKind.Invariant).ToArray();
        var hasSuccessor = new bool[indices.Length];
        foreach (var e in edgeList)
        {
            hasSuccessor[e.From] = true;
        }

        var graphStates = indices.Select((index, i) => new GraphState(i, [.. states[index].State], states[index].Depth, componentOf[i])
        {
            Violates = [.. invariants.Where(p => !Holds(semantics, p, states[index].State)).Select(p => p.Name)],
            DeadEnd = complete && !hasSuccessor[i],
        }).ToImmutableArray();

        return new ExploredGraph(model, variant.Name, graphStates, edgeList, components, Paths(variant, graphStates, edgeList, results), cut, symmetry);
    }

    /// <summary>The strongly connected components: each state's, and each component's states and whether no edge leaves it.</summary>
    private static (int[] ComponentOf, ImmutableArray<GraphComponent> Components) Components(int count, ImmutableArray<GraphEdge> edgeList, bool complete)
    {
        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        graph.AddVertexRange(Enumerable.Range(0, count));
        graph.AddEdgeRange(edgeList.Select(e => new SEquatableEdge<int>(e.From, e.To)).Distinct());
        var numbers = new Dictionary<int, int>();
        var componentCount = graph.StronglyConnectedComponents(numbers);

        var componentOf = new int[count];
        var members = Enumerable.Range(0, componentCount).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < count; s++)
        {
            componentOf[s] = numbers[s];
            members[numbers[s]].Add(s);
        }

        var leaves = new bool[componentCount];
        foreach (var e in edgeList.Where(e => componentOf[e.From] != componentOf[e.To]))
        {
            leaves[componentOf[e.From]] = true;
        }

        // QuikGraph numbers components in the order its search finishes them; renumbered by their
        // least state, so that the numbers read in the order of the states.
        var order = Enumerable.Range(0, componentCount).OrderBy(c => members[c][0]).ToArray();
        var renumber = new int[componentCount];
        for (var i = 0; i < order.Length; i++)
        {
            renumber[order[i]] = i;
        }

        return (
            [.. componentOf.Select(c => renumber[c])],
            [.. order.Select((c, i) => new GraphComponent(i, [.. members[c]], complete && !leaves[c]))]);
    }

    private static bool Holds(Semantics semantics, PropertyDef invariant, int[] state)
    {
        try
        {
            return semantics.Holds(invariant, state);
        }
        catch (ModelRuntimeError)
        {
            // Check reports the model's error at this state: a state to look at, as a violation is.
            return false;
        }
    }

    /// <summary>The counterexamples of <paramref name="variant"/> in <paramref name="results"/>, as paths of this graph.</summary>
    private static ImmutableArray<GraphPath> Paths(Variant variant, ImmutableArray<GraphState> graphStates, ImmutableArray<GraphEdge> edgeList, IReadOnlyList<CheckResult> results)
    {
        var stateId = new Dictionary<int[], int>(StateEquality.Instance);
        foreach (var s in graphStates)
        {
            stateId[[.. s.Values]] = s.Id;
        }

        var edgeId = new Dictionary<(int From, int To, ActionInstance Instance), int>();
        foreach (var e in edgeList)
        {
            foreach (var instance in e.Instances)
            {
                edgeId[(e.From, e.To, instance)] = e.Id;
            }
        }

        var paths = ImmutableArray.CreateBuilder<GraphPath>();
        foreach (var r in results.Where(r => r.Variant == variant.Name && r.Kind == PropertyKind.Invariant && r.Verdict == Verdict.Violated && r.Trace is not null))
        {
            // The trace's states were stored by the same search (no symmetry maps them elsewhere):
            // a step missing from the graph is this code's error, not the user's.
            var ids = r.Trace!.Steps.Select(step => stateId.TryGetValue([.. step.State], out var i) ? i : throw new InvalidOperationException($"the counterexample to {r.Property} leaves the graph")).ToImmutableArray();
            var steps = r.Trace.Steps.Skip(1).Select((step, k) => edgeId[(ids[k], ids[k + 1], step.Action!.Instance(step.Args))]).ToImmutableArray();
            paths.Add(new GraphPath(r.Property, ids, steps));
        }

        return paths.ToImmutable();
    }
}
