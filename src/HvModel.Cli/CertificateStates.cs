using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>
/// The reachable states that certificates evaluate a claimed invariant on: the explicit
/// engine's, for the configuration checked, unless there are more than a certificate should
/// wait for (the symbolic engines are for configurations explicit search cannot finish).
/// </summary>
public static class CertificateStates
{
    /// <summary>Most states explored for one certificate.</summary>
    public const long Limit = 200_000;

    public static IReadOnlyList<int[]>? Explore(Model model, Variant variant)
    {
        try
        {
            var states = ReachableStates.Explore(model, variant, new CheckOptions { MaxStates = Limit, Timeout = TimeSpan.FromSeconds(60) });
            return states.Complete ? states.States : null;
        }
        catch (ModelRuntimeFailure)
        {
            // A model error on the way: the check's own verdict reports it; here, no states.
            return null;
        }
    }
}
