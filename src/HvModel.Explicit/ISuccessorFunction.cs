using HvModel.Core.Evaluation;
using HvModel.Core.Text;

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
    /// outcomes, in <see cref="Semantics.Successors(int[], SuccessorHandler, RunObserver?)"/>'s
    /// order. Model errors are raised as the interpreter raises them: passed to
    /// <paramref name="onError"/> when given (the other instances still run), else thrown.
    /// The handler may modify the state it is given, but must copy what it keeps.
    /// </summary>
    void Successors(int[] state, SuccessorHandler handler, Action<ModelRuntimeError>? onError = null);

    /// <summary>The value of the <paramref name="property"/>-th checked property in <paramref name="state"/>.</summary>
    bool Holds(int property, int[] state);

    /// <summary>Packs a state as <see cref="StateCodec.Pack"/> does (an implementation may do it in its own code).</summary>
    void Pack(int[] state, ulong[] packed);

    /// <summary>How successors are computed, for <c>--stats</c>.</summary>
    string Describe();
}
