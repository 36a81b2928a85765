using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Core.Traces;

namespace HvModel.Core.Checking;

/// <summary>
/// A model error met while exploring (a value out of range, an index out of bounds), with the
/// trace that reaches the state where it happens and the action instance that fails there.
/// </summary>
public sealed class ModelRuntimeFailure(Model model, ModelRuntimeError error, Trace trace, ActionDef? action, int[] args, string variant)
    : Exception(error.Message)
{
    public Model Model { get; } = model;

    public ModelRuntimeError Error { get; } = error;

    public Trace Trace { get; } = trace;

    /// <summary>The failing action instance; null when the init block itself fails.</summary>
    public ActionDef? Action { get; } = action;

    public IReadOnlyList<int> Args { get; } = args;

    public string Variant { get; } = variant;
}
