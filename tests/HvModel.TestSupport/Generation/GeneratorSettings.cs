namespace HvModel.TestSupport.Generation;

/// <summary>
/// How big generated models may be. <see cref="StateBound"/> caps the product of every state
/// variable's domain, so that the explicit engine always finishes and a check costs milliseconds.
/// </summary>
public sealed record GeneratorSettings
{
    /// <summary>Models for the explicit engines and bmc: at most 4,096 states.</summary>
    public static GeneratorSettings Default { get; } = new();

    /// <summary>Models for kind and pdr: a few variables, at most 256 states, shallow expressions.</summary>
    public static GeneratorSettings Small { get; } = new()
    {
        StateBound = 256, MaxVariables = 3, MaxActions = 3, ExpressionDepth = 2, MaxStatements = 2, StatementDepth = 1,
    };

    /// <summary>
    /// Models shaped for the symmetry reduction (see <see cref="SymmetricModelWriter"/>): one
    /// scalarset, arrays over it, pointers into it and a distinguished member.
    /// </summary>
    public static GeneratorSettings Symmetric { get; } = new() { Shape = ModelShape.Symmetric };

    /// <summary>
    /// Models that meet model errors often (values out of range, indices out of bounds): for
    /// the differential tests of the compiled successors, whose error handling must match.
    /// </summary>
    public static GeneratorSettings Hostile { get; } = new() { WildIndexPercent = 30, WildAssignPercent = 40 };

    /// <summary>
    /// Models with 1 to 3 liveness properties of every form over random predicates, and weak or
    /// strong fairness on some actions: for the SPIN liveness oracle. No wild indices or
    /// assignments (a model error leaves nothing to compare), fewer states (the export multiplies
    /// them by the fair instances), and more choices with conditions, so that an instance's
    /// guard may hold where it has no successor.
    /// </summary>
    public static GeneratorSettings Liveness { get; } = new()
    {
        StateBound = 256, MaxVariables = 3, MaxActions = 3, WildIndexPercent = 0, WildAssignPercent = 0, WithLiveness = true, ExtraChoicePercent = 25,
    };

    /// <summary>Which writer the models come from.</summary>
    public ModelShape Shape { get; init; } = ModelShape.General;

    public long StateBound { get; init; } = 4096;

    public int MaxVariables { get; init; } = 5;

    public int MaxActions { get; init; } = 4;

    public int ExpressionDepth { get; init; } = 3;

    public int MaxStatements { get; init; } = 3;

    /// <summary>How deep <c>if</c>, <c>for</c>, <c>any</c> and <c>let</c> nest.</summary>
    public int StatementDepth { get; init; } = 2;

    /// <summary>Percentage of array indices that are computed (and may fall out of bounds).</summary>
    public int WildIndexPercent { get; init; } = 6;

    /// <summary>Percentage of integer assignments whose value may leave the variable's range.</summary>
    public int WildAssignPercent { get; init; } = 8;

    /// <summary>Liveness properties and fairness declarations after the invariants (see <see cref="Liveness"/>).</summary>
    public bool WithLiveness { get; init; }

    /// <summary>
    /// Percentage of simple statements (at a depth where a compound one may stand) that become an
    /// <c>any ... where</c> instead; 0 draws nothing, so the other profiles' models are unchanged.
    /// </summary>
    public int ExtraChoicePercent { get; init; }
}

/// <summary>The writers of generated models.</summary>
public enum ModelShape
{
    /// <summary><see cref="ModelWriter"/>: every construct of the language.</summary>
    General,

    /// <summary><see cref="SymmetricModelWriter"/>.</summary>
    Symmetric,
}
