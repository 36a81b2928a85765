using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// The init block compiled (<see cref="StmtCompiler.Init"/>), for a block with many outcomes:
/// v3 at 4x3 has 262,144 and at 4x4 16.7 million, which the interpreter took a sixth of the
/// whole search to run. Its outcomes come in the interpreter's order, one at a time.
/// </summary>
internal sealed class CompiledInitialStates
{
    /// <summary>Fewer outcomes than this (at most) are left to the interpreter: compiling would cost more than it saves.</summary>
    public const long WorthCompiling = 10_000;

    private readonly TransitionFunction run;
    private readonly int[] zero;
    private readonly int[][] scratch;
    private readonly SuccessorBuffer buffer;
    private readonly int[] copy;

    private CompiledInitialStates(Semantics semantics)
    {
        var compiler = new StmtCompiler(semantics.Variant);
        run = compiler.Init(semantics.Model.Init).Compile();
        zero = semantics.ZeroState();
        scratch = [.. Enumerable.Range(0, compiler.Depth).Select(_ => new int[zero.Length])];
        buffer = new SuccessorBuffer(zero.Length);
        copy = new int[zero.Length];
    }

    /// <summary>The compiled init block, or null when it has too few outcomes to be worth it.</summary>
    public static CompiledInitialStates? For(Semantics semantics) =>
        StmtFacts.MostOutcomes(semantics.Model.Init, WorthCompiling) < WorthCompiling ? null : Compile(semantics);

    /// <summary>The compiled init block, whatever its size (tests compare it with the interpreter on small ones).</summary>
    internal static CompiledInitialStates Compile(Semantics semantics) => new(semantics);

    /// <summary>
    /// Hands each outcome to <paramref name="onState"/> (a copy it may change) and reports each
    /// value a choice examines to <paramref name="onChoice"/>. False when compiled code met a
    /// model error: the interpreter must run the block again to raise it exactly, and gives
    /// the outcomes handed on so far again first, in the same order.
    /// </summary>
    public bool TryRun(Action<int[]> onState, Action onChoice)
    {
        buffer.Sink = s =>
        {
            s.AsSpan(0, copy.Length).CopyTo(copy);
            onState(copy);
        };
        buffer.OnChoice = onChoice;
        try
        {
            run(zero, scratch, buffer);
            return true;
        }
        catch (CompiledModelError)
        {
            return false;
        }
    }
}
