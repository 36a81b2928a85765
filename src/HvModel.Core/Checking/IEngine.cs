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

    /// <summary>
    /// Whether the engine looks for deadlocks (<see cref="Model.DeadlockProperty"/>); where it
    /// does not, <see cref="CheckRunner"/> reports the deadlock cell as not checked.
    /// </summary>
    bool ChecksDeadlock => false;

    IReadOnlyList<CheckResult> Check(Model model, Variant variant, IReadOnlyList<PropertyDef> properties, CheckOptions options);
}
