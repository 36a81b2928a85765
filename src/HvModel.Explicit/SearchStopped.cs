namespace HvModel.Explicit;

/// <summary>
/// Thrown from inside a state enumeration (initial states, successors) to end the search at a
/// limit: the model's callbacks cannot otherwise be left early. Never escapes the engine; the
/// verdicts not yet reached become unknown with <see cref="Exception.Message"/> as the reason.
/// </summary>
internal sealed class SearchStopped(string reason) : Exception(reason);
