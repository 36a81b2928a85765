using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>
/// The reachable states that certificates evaluate a claimed invariant on: the explicit
/// engine's, for the configuration checked, unless there are more than a certificate should
/// wait for (the symbolic engines are for configurations explicit search cannot finish).
/// Explored once per model and variant, whatever the outcome: every certificate of a run
/// reads the same states, and a configuration too large for the limits is not tried again
/// (v3 at 4x4 spent 35 s per certificate reaching the state limit).
/// </summary>
public static class CertificateStates
{
    /// <summary>Most states explored for one variant.</summary>
    public const long Limit = 200_000;

    /// <summary>Most time spent exploring one variant.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    private static readonly ConditionalWeakTable<Model, ConcurrentDictionary<string, Lazy<IReadOnlyList<int[]>?>>> Explored = [];

    public static IReadOnlyList<int[]>? Explore(Model model, Variant variant) =>
        Explored.GetOrCreateValue(model).GetOrAdd(variant.Name, _ => new Lazy<IReadOnlyList<int[]>?>(() => ExploreOnce(model, variant))).Value;

    private static IReadOnlyList<int[]>? ExploreOnce(Model model, Variant variant)
    {
        try
        {
            var states = ReachableStates.Explore(model, variant, new CheckOptions { MaxStates = Limit, Timeout = TimeLimit });
            return states.Complete ? states.States : null;
        }
        catch (ModelRuntimeFailure)
        {
            // A model error on the way: the check's own verdict reports it; here, no states.
            return null;
        }
    }
}
