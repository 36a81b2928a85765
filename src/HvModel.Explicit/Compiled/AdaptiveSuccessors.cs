using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// Starts with the interpreter and compiles the model once the search has expanded
/// <c>compileAfter</c> states or the interpreter has run for <see cref="InterpretingBudget"/>,
/// whichever comes first, so that a small model never pays for a compile it cannot earn back,
/// and a large one does not interpret long: a compile takes about 0.1 s, some ten thousand
/// states of the flagship at 2x2, but at 4x3 ten thousand states took the interpreter about
/// 1.5 s, a third of the search (4.3 s against 3.3 to 4.0 s compiled from the start). Both
/// give the same successors in the same order and pack states identically, so switching in
/// the middle of a search changes nothing but speed.
/// </summary>
public sealed class AdaptiveSuccessors(Semantics semantics, IReadOnlyList<PropertyDef> properties, StateCodec codec, int compileAfter) : ISuccessorFunction
{
    private readonly InterpretedSuccessors interpreted = new(semantics, properties, codec);
    private readonly System.Diagnostics.Stopwatch interpreting = new();
    private long expanded;
    private long expandedBeforeCompile;

    /// <summary>
    /// The time spent expanding states with the interpreter (the search's work on each successor
    /// included) after which the model is compiled: about what a compile takes.
    /// </summary>
    public static readonly TimeSpan InterpretingBudget = TimeSpan.FromSeconds(0.1);

    /// <summary>The compiled form, once made.</summary>
    public CompiledSuccessors? Compiled { get; private set; }

    public void Successors(int[] state, SuccessorHandler handler, Action<ModelRuntimeError>? onError = null)
    {
        if (Compiled is null && (expanded++ >= compileAfter || interpreting.Elapsed >= InterpretingBudget))
        {
            expandedBeforeCompile = expanded - 1;
            Compiled = CompiledSuccessors.Compile(semantics, properties);
        }

        if (Compiled is { } compiled)
        {
            compiled.Successors(state, handler, onError);
        }
        else
        {
            interpreting.Start();
            try
            {
                interpreted.Successors(state, handler, onError);
            }
            finally
            {
                interpreting.Stop();
            }
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
        ? $"compiled after {expandedBeforeCompile} states in {c.CompileTime.TotalSeconds:0.000} s ({c.CompileCpuTime.TotalSeconds:0.000} s of processor time)"
        : $"interpreted (the search ended before {compileAfter} states were expanded or {InterpretingBudget.TotalSeconds:0.0} s spent, when it would have compiled)";
}
