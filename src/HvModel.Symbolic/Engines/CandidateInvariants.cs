using System.Diagnostics;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Symbolic.Printing;
using HvModel.Symbolic.Prove;
using HvModel.Symbolic.Prove.Inference;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// kind's invariant generator, as Kind 2 runs one beside k-induction: guesses of invariants
/// that may make the properties inductive. It mines the clauses of prove's template grammar
/// (<see cref="ClauseMiner"/>) that hold in every state of its samples, each grounded at the
/// configuration checked. The samples are the reachable states of that configuration when the
/// caller can explore them all (<see cref="CheckOptions.ReachableStates"/>: the explicit
/// engine, one state per orbit, which a clause quantified over members needs no more than):
/// every candidate is an invariant then, and the solver only has to find the inductive ones.
/// Otherwise they are, as prove samples, every state of the configurations of smaller sizes
/// (<see cref="CheckOptions.Rebind"/>), and the reference evaluator's states of the
/// configuration checked, breadth-first within a budget, which strike out the clauses that
/// break at this size (alone, such a shallow sample gives clauses too strong to be invariants).
/// A guess is only a candidate: kind keeps those that hold in its base cases and proves them
/// with the properties, and a proof passes its certificate like any other, so a wrong guess
/// (a sample cut short, an engine's bug) can cost time but never a verdict.
/// </summary>
internal static class CandidateInvariants
{
    /// <summary>
    /// How many (state, assignment) rows a partial sample may give the largest signature: the
    /// miner's table grows with it (4 members of each of two scalarsets, 3 variables: 3,125 states).
    /// </summary>
    public const int RowBudget = 200_000;

    /// <summary>Largest size of a scalarset in the smaller configurations sampled (as prove's).</summary>
    public const int SmallSize = 3;

    /// <summary>Longest time spent sampling states with the evaluator.</summary>
    public static readonly TimeSpan SampleTime = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Most candidates kept, the shortest clauses first: each is a literal in every query of the
    /// step case (the flagship at 2x2 gives 1,621, at 4x4 1,433).
    /// </summary>
    public const int MaxCandidates = 5_000;

    /// <summary>
    /// The candidates, or none when the run's time is up before they are mined (the generator
    /// takes at most a quarter of the time left).
    /// </summary>
    public static IReadOnlyList<Goal> Generate(Model model, Variant variant, CheckOptions options)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        if (options.Deadline is { } end)
        {
            budget.CancelAfter(TimeSpan.FromTicks(Math.Max(0, (end - DateTime.UtcNow).Ticks / 4)));
        }

        try
        {
            var samples = Samples(model, variant, options, budget.Token);
            if (samples.Count == 0)
            {
                return [];
            }

            var clauses = ClauseMiner.MineAll(model, samples, budget.Token).Where(c => !c.Redundant)
                .OrderBy(c => c.Size).ThenBy(c => c.Vars.Count).Take(MaxCandidates);
            return [.. clauses.Select((c, k) => Goal.Generated($"generated_{k + 1}", new GroundClause(c, model)))];
        }
        catch (OperationCanceledException) when (!options.Cancellation.IsCancellationRequested)
        {
            return [];
        }
    }

    /// <summary>The clauses of generated invariants in the model's syntax, by the printer prove uses (quantified, not grounded).</summary>
    public static string Print(Model model, Variant variant, IEnumerable<Goal> generated)
    {
        ModelSyntaxPrinter printer;
        try
        {
            printer = new ModelSyntaxPrinter(ProveVocabularyPrinting.For(new ParamEncoder(model, variant).Vocabulary));
        }
        catch (ProveUnsupportedException e)
        {
            return $"not printed ({e.Describe()})";
        }

        return string.Join("; ", generated.Select(g => printer.Print(g.Candidate!.Clause.Smt("x"))));
    }

    private static List<StateSample> Samples(Model model, Variant variant, CheckOptions options, CancellationToken cancellation)
    {
        var checkedHere = new SizeConfiguration(new Dictionary<string, string>(), model, "checked configuration");
        if (options.ReachableStates?.Invoke(model, variant) is { } all)
        {
            return [new StateSample(checkedHere, all, Complete: true, Seconds: 0)];
        }

        var samples = Smaller(model, variant, options, cancellation);
        var partial = Sample(model, variant, PartialLimit(model), cancellation);
        if (partial.Count > 0)
        {
            samples.Add(new StateSample(checkedHere, partial, Complete: false, Seconds: 0));
        }

        return samples;
    }

    /// <summary>Every reachable state of each smaller configuration: no scalarset larger than here (nor than <see cref="SmallSize"/>), one smaller.</summary>
    private static List<StateSample> Smaller(Model model, Variant variant, CheckOptions options, CancellationToken cancellation)
    {
        var rebind = options.Rebind;
        var explore = options.ReachableStates;
        if (rebind is null || explore is null || model.Scalarsets.Length == 0)
        {
            return [];
        }

        IReadOnlyList<SizeConfiguration> family;
        try
        {
            family = SizeConfigurations.Find(model, variant, new Dictionary<string, string>(), rebind, SmallSize).Configurations;
        }
        catch (Exception e) when (e is ProveUnsupportedException or ModelError)
        {
            // Not one system for every size: the configuration checked is sampled alone.
            return [];
        }

        var result = new List<StateSample>();
        foreach (var c in family.Where(c => c.Model.Scalarsets.All(s => s.Size <= Size(model, s.Name)) && c.Model.Scalarsets.Any(s => s.Size < Size(model, s.Name))))
        {
            cancellation.ThrowIfCancellationRequested();
            if (explore(c.Model, c.Model.GetVariant(variant.Name)) is { } states)
            {
                result.Add(new StateSample(c, states, Complete: true, Seconds: 0));
            }
        }

        return result;
    }

    private static int Size(Model model, string scalarset) => model.Scalarsets.First(s => s.Name == scalarset).Size;

    private static int PartialLimit(Model model)
    {
        var largest = TemplateGrammar.Signatures(model.Scalarsets).Select(s => s.Aggregate(1L, (n, v) => n * v.Sort.Size)).DefaultIfEmpty(1).Max();
        return (int)Math.Max(100, RowBudget / largest);
    }

    /// <summary>Reachable states, breadth-first from the initial ones, at most <paramref name="limit"/> and within <see cref="SampleTime"/>.</summary>
    public static List<int[]> Sample(Model model, Variant variant, int limit, CancellationToken cancellation)
    {
        var semantics = new Semantics(model, variant);
        var seen = new HashSet<int[]>(StateEquality.Instance);
        var order = new List<int[]>();
        void Add(int[] state)
        {
            if (order.Count >= limit)
            {
                return;
            }

            var copy = (int[])state.Clone();
            if (seen.Add(copy))
            {
                order.Add(copy);
            }
        }

        var watch = Stopwatch.StartNew();
        try
        {
            semantics.InitialStates(Add);
            for (var next = 0; next < order.Count && order.Count < limit && watch.Elapsed < SampleTime; next++)
            {
                cancellation.ThrowIfCancellationRequested();
                semantics.Successors(order[next], (_, _, successor) => Add(successor));
            }
        }
        catch (ModelRuntimeError)
        {
            // A model error is the engines' to report; the states seen before it still make guesses.
        }

        return order;
    }
}
