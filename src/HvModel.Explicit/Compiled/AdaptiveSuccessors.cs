using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// Starts with the interpreter, and compiles the model on another thread once the interpreter
/// has run for <see cref="InterpretingBudget"/>, going on interpreting until the compiled form is
/// ready: a small model never pays for a compile, and a large one neither waits for it nor
/// interprets long (the compile takes 0.04 to 0.07 s for the flagship; the interpreter is some
/// fifty times slower than compiled code). After <c>compileAfter</c> states it waits for the
/// compile instead, so that a test can say from which state on the compiled code runs. Both
/// give the same successors in the same order and pack states identically, so switching in
/// the middle of a search changes nothing but speed.
/// </summary>
public sealed class AdaptiveSuccessors(Semantics semantics, IReadOnlyList<PropertyDef> properties, StateCodec codec, int compileAfter) : ISuccessorFunction
{
    private readonly InterpretedSuccessors interpreted = new(semantics, properties, codec);
    private readonly System.Diagnostics.Stopwatch interpreting = new();
    private Task<CompiledSuccessors>? compiling;
    private bool inBackground;
    private long expanded;
    private long expandedBeforeCompile;

    /// <summary>
    /// The time spent expanding states with the interpreter (the search's work on each successor
    /// included) after which the model is compiled on another thread: a model that is done
    /// sooner was too small to earn a compile back.
    /// </summary>
    public static readonly TimeSpan InterpretingBudget = TimeSpan.FromSeconds(0.02);

    /// <summary>The compiled form, once in use.</summary>
    public CompiledSuccessors? Compiled { get; private set; }

    public void Successors(int[] state, SuccessorHandler handler, Action<ModelRuntimeError>? onError = null)
    {
        if (Compiled is null)
        {
            SwitchWhenCompiled();
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

    /// <summary>Starts the compile when due, and uses its result once ready (or, after compileAfter states, once it is done).</summary>
    private void SwitchWhenCompiled()
    {
        var due = expanded >= compileAfter;
        if (compiling is null && due)
        {
            compiling = Task.FromResult(CompiledSuccessors.Compile(semantics, properties));
        }
        else if (compiling is null && interpreting.Elapsed >= InterpretingBudget)
        {
            // Reads the model only, which the interpreter does not change.
            inBackground = true;
            compiling = Task.Run(() => CompiledSuccessors.Compile(semantics, properties));
        }

        if (compiling is not null && (due || compiling.IsCompleted))
        {
            Compiled = compiling.GetAwaiter().GetResult();
            expandedBeforeCompile = expanded;
        }

        expanded++;
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
        ? $"compiled after {expandedBeforeCompile} states in {c.CompileTime.TotalSeconds:0.000} s ({c.CompileCpuTime.TotalSeconds:0.000} s of processor time{(inBackground ? ", on another thread while the interpreter went on" : "")})"
        : $"interpreted (the search ended before {compileAfter} states were expanded or {InterpretingBudget.TotalSeconds:0.00} s spent, when it would have compiled)";
}
