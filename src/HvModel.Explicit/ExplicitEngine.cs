using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// Breadth-first exploration of every reachable state, checking all properties in one pass.
/// BFS order makes the first violating state found one of least depth, so its counterexample
/// is a shortest one. Traces are rebuilt from predecessor links by re-running the model
/// (<see cref="TraceBuilder"/>), then replayed before they are returned. The search stops once
/// every verdict is known (as TLC stops at a violation) unless asked to be exhaustive; the
/// results then say that their state counts are of a partial search. Each check is one
/// <see cref="BfsSearch"/>.
/// </summary>
public sealed class ExplicitEngine : IEngine
{
    /// <summary>The pseudo-property under which a deadlock (a state with no successor) is reported.</summary>
    public const string DeadlockProperty = Model.DeadlockProperty;

    public string Name => "explicit";

    public bool ChecksDeadlock => true;

    /// <summary>Compute successors with the interpreter (the reference semantics) instead of compiled code.</summary>
    public bool Interpret { get; init; }

    /// <summary>States expanded by the interpreter before the model is compiled (0: compile before the search).</summary>
    public int CompileAfter { get; init; } = 10_000;

    /// <summary>Parents per batch a worker expands (<c>--workers</c>); tests make it small so that small models use workers too.</summary>
    internal int WorkerBatch { get; init; } = ParallelExpansion.DefaultBatchSize;

    /// <summary>Most tie permutations tried per state before the heuristic normal form; tests make it 1 to force that form.</summary>
    internal int SymmetryTieLimit { get; init; } = Symmetry.MaxPermutations;

    /// <summary>Optional watcher of the exploration (graph export, tests).</summary>
    public IExplorationObserver? Observer { get; init; }

    private readonly List<ExplorationStats> runs = [];

    /// <summary>Statistics of the last run, for reports and benchmarks.</summary>
    public ExplorationStats? LastStats => runs.Count == 0 ? null : runs[^1];

    /// <summary>Statistics of every run of this engine, in order.</summary>
    public IReadOnlyList<ExplorationStats> Runs => runs;

    public IReadOnlyList<CheckResult> Check(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options)
    {
        var search = new BfsSearch(model, variant, properties, options, Interpret ? null : CompileAfter, Observer, WorkerBatch, SymmetryTieLimit);
        try
        {
            return search.Run(this);
        }
        finally
        {
            if (search.Stats is { } stats)
            {
                runs.Add(stats);
            }
        }
    }
}
