using System.Diagnostics;
using System.Linq.Expressions;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// The successor function of one (model, variant, constants), compiled once into delegates
/// (System.Linq.Expressions): one transition function per action holding each of its
/// instances with the arguments as constants, one predicate per checked property. States are
/// the interpreter's flat int arrays. When compiled code meets a model error, the state is
/// run again by the interpreter, which raises the exact error (or reports it to the caller's
/// error handler) and produces the successors; nothing the compiled code
/// produced for that state is handed on, so counts and order stay the interpreter's.
/// </summary>
public sealed class CompiledSuccessors : ISuccessorFunction
{
    private readonly Semantics interpreter;
    private readonly IReadOnlyList<PropertyDef> properties;
    private readonly TransitionFunction[] transitions;
    private readonly (ActionDef Action, int[] Args)[] instances;
    private readonly Func<int[], bool>[] predicates;
    private readonly int[][] scratch;
    private readonly SuccessorBuffer buffer;
    private readonly int[] next;
    private readonly Action<int[], ulong[]> pack;

    /// <summary>A copy with buffers of its own over the same compiled code, for another thread (see <see cref="Fork"/>).</summary>
    private CompiledSuccessors(CompiledSuccessors shared)
    {
        interpreter = shared.interpreter;
        properties = shared.properties;
        transitions = shared.transitions;
        instances = shared.instances;
        predicates = shared.predicates;
        pack = shared.pack;
        var slots = interpreter.SlotCount;
        scratch = [.. shared.scratch.Select(_ => new int[slots])];
        buffer = new SuccessorBuffer(slots);
        next = new int[slots];
        CompileTime = shared.CompileTime;
        CompileCpuTime = shared.CompileCpuTime;
    }

    private CompiledSuccessors(Semantics interpreter, IReadOnlyList<PropertyDef> properties)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        this.interpreter = interpreter;
        this.properties = properties;
        var model = interpreter.Model;
        var compiler = new StmtCompiler(interpreter.Variant);
        var all = new List<(ActionDef, int[])>();
        transitions = new TransitionFunction[model.Actions.Length];
        for (var a = 0; a < model.Actions.Length; a++)
        {
            var action = model.Actions[a];
            var tuples = action.Instances().Select(i => i.Args.ToArray()).ToList();
            transitions[a] = compiler.Action(action, tuples, all.Count).Compile();
            all.AddRange(tuples.Select(t => (action, t)));
        }

        instances = [.. all];
        var state = Expression.Parameter(typeof(int[]), "state");
        predicates = [.. properties.Select(p => Expression.Lambda<Func<int[], bool>>(compiler.Expressions.Bool(p.Predicate, state), p.Name, [state]).Compile())];
        var slots = interpreter.SlotCount;
        scratch = [.. Enumerable.Range(0, compiler.Depth).Select(_ => new int[slots])];
        buffer = new SuccessorBuffer(slots);
        next = new int[slots];
        pack = CompiledPacker.Compile(new StateCodec(model.Slots));
        CompileTime = clock.Elapsed;
        CompileCpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    /// <summary>Packs a state exactly as <see cref="StateCodec.Pack"/> does, in compiled code.</summary>
    public void Pack(int[] state, ulong[] packed) => pack(state, packed);

    public string Describe() => $"compiled in {CompileTime.TotalSeconds:0.000} s ({CompileCpuTime.TotalSeconds:0.000} s of processor time)";

    /// <summary>Time spent building and compiling the delegates.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>Processor time of the process while compiling (all threads: the JIT's included).</summary>
    public TimeSpan CompileCpuTime { get; }

    /// <summary>States whose successors or properties the interpreter computed after compiled code met a model error.</summary>
    public long Fallbacks { get; private set; }

    /// <summary>Compiles <paramref name="interpreter"/>'s model and variant, and <paramref name="properties"/>, once.</summary>
    public static CompiledSuccessors Compile(Semantics interpreter, IReadOnlyList<PropertyDef> properties) => new(interpreter, properties);

    public void Successors(int[] state, SuccessorHandler handler, Action<ModelRuntimeError>? onError = null)
    {
        if (TrySuccessors(state) is null)
        {
            Fallbacks++;
            interpreter.Successors(state, handler, onError is null ? null : new RunObserver { OnError = onError });
            return;
        }

        for (var i = 0; i < buffer.Count; i++)
        {
            var (action, args) = instances[buffer.Instance(i)];
            buffer.State(i).CopyTo(next);
            handler(action, args, next);
        }
    }

    /// <summary>
    /// A successor function over the same compiled code with buffers of its own, for a worker
    /// thread: the compiled delegates keep no state. A fork calls only <see cref="TrySuccessors"/>,
    /// <see cref="Instance"/> and <see cref="Pack"/>: the interpreter it would fall back on is
    /// not thread-safe.
    /// </summary>
    public CompiledSuccessors Fork() => new(this);

    /// <summary>
    /// The successors of <paramref name="state"/> in <see cref="Successors"/>'s order, in a
    /// buffer valid until the next call; null when compiled code met a model error, which only
    /// the interpreter can report exactly (the caller runs the state through <see cref="Successors"/>).
    /// </summary>
    public SuccessorBuffer? TrySuccessors(int[] state)
    {
        buffer.Clear();
        try
        {
            foreach (var transition in transitions)
            {
                transition(state, scratch, buffer);
            }
        }
        catch (CompiledModelError)
        {
            return null;
        }

        return buffer;
    }

    /// <summary>The action and arguments of instance number <paramref name="id"/> (as <see cref="SuccessorBuffer.Instance"/> gives it).</summary>
    public (ActionDef Action, int[] Args) Instance(int id) => instances[id];

    public bool Holds(int property, int[] state)
    {
        try
        {
            return predicates[property](state);
        }
        catch (CompiledModelError)
        {
            Fallbacks++;
            return interpreter.Holds(properties[property], state);
        }
    }

    /// <summary>
    /// Compiles one closed expression to a function of the state (ints: bools are 0/1), for
    /// tests and tools; compiled code raises <see cref="CompiledModelError"/> where the
    /// interpreter raises a model error.
    /// </summary>
    public static Func<int[], int> CompileExpression(Expr expr, Variant variant)
    {
        var state = Expression.Parameter(typeof(int[]), "state");
        return Expression.Lambda<Func<int[], int>>(new ExprCompiler(variant).Int(expr, state), [state]).Compile();
    }
}
