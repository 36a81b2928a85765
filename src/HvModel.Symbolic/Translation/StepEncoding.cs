namespace HvModel.Symbolic.Translation;

/// <summary>
/// One transition from a given symbolic state: which action is taken (<see cref="Selector"/>, an
/// Int naming the action's index), its parameters, the next state, and the error condition.
/// </summary>
/// <param name="Fragment">Selector, parameters, choices and shared subterms with their definitions.</param>
/// <param name="Selector">The constant whose value is the index of the action taken, or null when the model has no action.</param>
/// <param name="Parameters">Per action, the term of each parameter (a constant name, or a literal when the type has one value).</param>
/// <param name="Transition">Constraints that make the step a transition of the model (the chosen action is enabled).</param>
/// <param name="Next">The term of every slot after the step.</param>
/// <param name="Error">When some enabled action instance, on some path, raises a model error from this state.</param>
public sealed record StepEncoding(
    SmtFragment Fragment,
    string? Selector,
    IReadOnlyList<IReadOnlyList<SmtValue>> Parameters,
    IReadOnlyList<string> Transition,
    IReadOnlyList<string> Next,
    string Error);
