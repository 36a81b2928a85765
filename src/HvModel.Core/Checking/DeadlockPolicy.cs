using HvModel.Core.Ir;

namespace HvModel.Core.Checking;

/// <summary>
/// Whether a variant's run searches for deadlock, and when it does not, whether its matrix
/// shows a "not checked" deadlock cell and why. Decided here only: the engines ask
/// <see cref="Searched"/> before they search, and <see cref="CheckRunner"/> adds the cells
/// an engine did not search for from <see cref="NotCheckedReason"/>.
/// </summary>
public static class DeadlockPolicy
{
    /// <summary>Why deadlock was not checked in a run with <c>--no-deadlock</c>.</summary>
    public const string NoDeadlockReason = "deadlock check off for this run (--no-deadlock)";

    /// <summary>
    /// Whether an engine searches this variant for a state without successor: the run asks for
    /// deadlock (all properties, or <c>--property deadlock</c>), <c>--no-deadlock</c> is off,
    /// and the model does not allow deadlock in the variant (<see cref="Model.ChecksDeadlock"/>).
    /// </summary>
    public static bool Searched(Model model, Variant variant, CheckOptions options) =>
        options.CheckDeadlock && !options.NoDeadlock && model.ChecksDeadlock(variant.Name);

    /// <summary>
    /// The reason shown in the deadlock cell of a variant whose run did not search for deadlock,
    /// or null when the matrix has no such cell. An expected-deadlock cell is always shown
    /// (off under <c>--no-deadlock</c>, or an engine that does not search); where the model allows
    /// deadlock, the cell is shown only as the one line of a run with nothing else to report.
    /// </summary>
    public static string? NotCheckedReason(Model model, Variant variant, CheckOptions options, IEngine engine, bool onlyLine)
    {
        if (!options.CheckDeadlock || (Searched(model, variant, options) && engine.ChecksDeadlock))
        {
            return null;
        }

        if (model.ChecksDeadlock(variant.Name))
        {
            return options.NoDeadlock ? NoDeadlockReason : $"the {engine.Name} engine does not check deadlocks (the explicit engine does)";
        }

        return onlyLine ? "the model allows deadlock (allow deadlock)" : null;
    }
}
