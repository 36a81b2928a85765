namespace HvModel.Symbolic.Translation;

/// <summary>
/// Constants and constraints that a piece of the encoding introduces: action parameters,
/// <c>any</c> choices and shared subterms, with their definitions. A BMC unrolling declares them
/// per step; a Horn clause quantifies over them.
/// </summary>
public sealed class SmtFragment
{
    public List<(string Name, string Sort)> Declarations { get; } = [];

    public List<string> Assertions { get; } = [];
}
