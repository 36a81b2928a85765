using HvModel.Core.Evaluation;

namespace HvModel.Explicit;

/// <summary>
/// What the search asks of a model, and nothing more (TLC's ITool plays this part): the
/// successors of a state and the truth of each checked property in it. Two implementations:
/// the interpreter (<see cref="Semantics"/>, the reference) and the compiled form
/// (<see cref="Compiled.CompiledSuccessors"/>), which must agree with it exactly.
/// </summary>
public interface ISuccessorFunction
{
    /// <summary>
    /// Calls <paramref name="handler"/> for every enabled action instance and each of its
    /// outcomes, in <see cref="Semantics.Successors(int[], SuccessorHandler)"/>'s order. Model
    /// errors are raised as the interpreter raises them (through its <see cref="Semantics.OnError"/>).
    /// The handler may modify the state it is given, but must copy what it keeps.
    /// </summary>
    void Successors(int[] state, SuccessorHandler handler);

    /// <summary>The value of the <paramref name="property"/>-th checked property in <paramref name="state"/>.</summary>
    bool Holds(int property, int[] state);
}
