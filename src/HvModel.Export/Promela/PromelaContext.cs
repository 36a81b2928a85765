using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>What every step of one export shares: the model and variant, the expression writer, the scratch variables, the invariants asserted after each step, what liveness adds (if asked), and the numbering of labels.</summary>
internal sealed class PromelaContext(Model model, Variant variant, IReadOnlyList<PropertyDef> invariants)
{
    private int labels;

    public Model Model { get; } = model;

    public IReadOnlyList<PropertyDef> Invariants { get; } = invariants;

    public PromelaExpressions Expressions { get; } = new(variant);

    public PromelaScratch Scratch { get; } = new();

    /// <summary>The liveness extras (null: a bare transition system, for state counts and invariants).</summary>
    public PromelaLiveness? Liveness { get; set; }

    /// <summary>A number for a step's labels, unique in the process.</summary>
    public int NextLabel() => labels++;
}
