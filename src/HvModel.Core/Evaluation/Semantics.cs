using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Evaluation;

/// <summary>One enabled instance of an action: the action, its argument values and the state it leads to.</summary>
public delegate void SuccessorHandler(ActionDef action, int[] args, int[] next);

/// <summary>
/// The transition system a model denotes for one variant: its initial states, the successors
/// of a state and the truth of a property in a state. The narrow interface through which the
/// explicit engine and the trace replayer see a model (TLC's ITool plays this part).
/// </summary>
public sealed class Semantics
{
    private readonly ExprEvaluator eval;
    private readonly StmtExecutor exec;

    public Semantics(Model model, Variant variant)
    {
        Model = model;
        Variant = variant;
        eval = new ExprEvaluator(variant) { Locals = new int[Math.Max(1, model.FrameSize)] };
        exec = new StmtExecutor(eval);
    }

    public Model Model { get; }

    public Variant Variant { get; }

    public int SlotCount => Model.Slots.Length;

    /// <summary>The action instance being run (so that a model error can say where it happened).</summary>
    public ActionDef? CurrentAction { get; private set; }

    public int[] CurrentArgs { get; private set; } = [];

    /// <summary>The state every init block starts from: each slot at its type's first value.</summary>
    public int[] ZeroState()
    {
        var s = new int[SlotCount];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = Model.Slots[i].Type.ValueAt(0);
        }

        return s;
    }

    /// <summary>Calls <paramref name="onState"/> once per outcome of the init block (duplicates possible).</summary>
    public void InitialStates(Action<int[]> onState, RunObserver? observe = null) => exec.Run(Model.Init, ZeroState(), onState, observe);

    /// <summary>Calls <paramref name="handler"/> for every enabled action instance and each of its outcomes, in a fixed order.</summary>
    public void Successors(int[] state, SuccessorHandler handler, RunObserver? observe = null)
    {
        foreach (var action in Model.Actions)
        {
            Successors(state, action, handler, observe);
        }
    }

    /// <summary>The successors through one action, over all its instances in their order (see <see cref="ActionDef.Instances"/>).</summary>
    public void Successors(int[] state, ActionDef action, SuccessorHandler handler, RunObserver? observe = null)
    {
        if (!instanceArgs.TryGetValue(action, out var tuples))
        {
            tuples = [.. action.Instances().Select(i => i.Args.ToArray())];
            instanceArgs[action] = tuples;
        }

        foreach (var args in tuples)
        {
            try
            {
                Fire(state, action, args, handler, observe);
            }
            catch (ModelRuntimeError e) when (observe?.OnError is not null)
            {
                observe.OnError(e);
            }
        }
    }

    // The argument tuples of each action, enumerated once; handlers must copy what they keep.
    private readonly Dictionary<ActionDef, int[][]> instanceArgs = [];

    /// <summary>Runs one action instance if its guard holds; false when it is not enabled.</summary>
    public bool Fire(int[] state, ActionDef action, int[] args, SuccessorHandler handler, RunObserver? observe = null)
    {
        CurrentAction = action;
        CurrentArgs = args;
        for (var i = 0; i < args.Length; i++)
        {
            eval.Locals[action.Parameters[i].Slot] = args[i];
        }

        eval.State = state;
        if (!eval.Holds(action.Guard))
        {
            return false;
        }

        exec.Run(action.Body, (int[])state.Clone(), next => handler(action, args, next), observe);
        return true;
    }

    /// <summary>Evaluates a property's predicate in <paramref name="state"/>.</summary>
    public bool Holds(PropertyDef property, int[] state)
    {
        eval.State = state;
        return eval.Holds(property.Predicate);
    }

    /// <summary>Evaluates any closed expression in <paramref name="state"/>.</summary>
    public int Evaluate(Expr expr, int[] state)
    {
        eval.State = state;
        return eval.Eval(expr);
    }
}
