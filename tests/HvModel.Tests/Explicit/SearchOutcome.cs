using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;

namespace HvModel.Tests.Explicit;

/// <summary>
/// A whole explicit run as text (every result with its counts, reason and trace steps, or the
/// model error with its trace), for tests that two ways of searching give the same run: with
/// any number of workers, with states stored or fingerprinted.
/// </summary>
internal static class SearchOutcome
{
    /// <summary>Every result, trace steps included, or the model error, as text: equal text, equal runs.</summary>
    public static string Of(Model model, string variant, CheckOptions options, int workers, Action<ExplorationStats>? stats = null)
    {
        try
        {
            var text = Run(model, variant, options, workers, out var s);
            stats?.Invoke(s);
            return text;
        }
        catch (ModelRuntimeFailure failure)
        {
            return $"model error: {failure.Message}\n{Steps(failure.Trace)}";
        }
    }

    public static string Run(Model model, string variant, CheckOptions options, int workers, out ExplorationStats stats)
    {
        // Batches of two parents and compiled code from the first state: small models use the workers too.
        var engine = new ExplicitEngine { CompileAfter = 0, WorkerBatch = 2 };
        var v = model.Variants.Single(x => x.Name == variant);
        var results = engine.Check(model, v, model.Properties, options with { Workers = workers });
        stats = engine.LastStats!;
        return string.Join("\n", results.Select(r => $"{r.Property} {r.Verdict} {r.States} {r.Transitions} {r.Depth} {r.Reason}\n{Steps(r.Trace)}"));
    }

    public static string Steps(Core.Traces.Trace? trace) => trace is null
        ? "(no trace)"
        : string.Join("\n", trace.Steps.Select(s => $"  {s.Action?.Name}({string.Join(',', s.Args)}) {string.Join(' ', s.State)}"));
}
