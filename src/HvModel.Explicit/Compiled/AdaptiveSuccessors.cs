using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// Starts with the interpreter and compiles the model once the search has expanded
/// <c>compileAfter</c> states, so that a small model never pays for a compile it cannot earn
/// back (compiling costs about as much as interpreting some ten thousand states of the
/// flagship). Both give the same successors in the same order and pack states identically,
/// so switching in the middle of a search changes nothing but speed.
/// </summary>
public sealed class AdaptiveSuccessors(Semantics semantics, IReadOnlyList<PropertyDef> properties, StateCodec codec, int compileAfter) : ISuccessorFunction
{
    private readonly InterpretedSuccessors interpreted = new(semantics, properties, codec);
    private long expanded;

    /// <summary>The compiled form, once made.</summary>
    public CompiledSuccessors? Compiled { get; private set; }

    public void Successors(int[] state, SuccessorHandler handler, Action<ModelRuntimeError>? onError = null)
    {
        if (Compiled is null && expanded++ >= compileAfter)
        {
            Compiled = CompiledSuccessors.Compile(semantics, properties);
        }

        if (Compiled is { } compiled)
        {
            compiled.Successors(state, handler, onError);
        }
        else
        {
            interpreted.Successors(state, handler, onError);
        }
    }

    public bool Holds(int property, int[] state) => Compiled is { } compiled ? compiled.Holds(property, state) : interpreted.Holds(property, state);

    public void Pack(int[] state, ulong[] packed)
    {
        if (Compiled is { } compiled)
        {
            compiled.Pack(state, packed);
        }
        else
        {
            interpreted.Pack(state, packed);
        }
    }

    public string Describe() => Compiled is { } c
        ? $"compiled after {compileAfter} states in {c.CompileTime.TotalSeconds:0.000} s ({c.CompileCpuTime.TotalSeconds:0.000} s of processor time)"
        : $"interpreted (the search ended before {compileAfter} states were expanded, when it would have compiled)";
}
