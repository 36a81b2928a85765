using HvModel.Core.Ir;

namespace HvModel.Core.Checking;

/// <summary>
/// A model-checking engine: consumes the IR of one model, for one variant, and gives a verdict
/// per property. Counterexamples are already replayed when returned.
/// </summary>
public interface IEngine
{
    /// <summary>The name used by <c>--engine</c> and in reports.</summary>
    string Name { get; }

    IReadOnlyList<CheckResult> Check(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options);
}
