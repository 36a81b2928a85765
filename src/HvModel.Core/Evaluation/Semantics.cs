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

    /// <summary>
    /// When set, a model error in one action instance (or one branch of an <c>any</c>) is
    /// passed here and the other instances and branches still run; when null, it propagates.
    /// <see cref="CurrentAction"/> and <see cref="CurrentArgs"/> say where it happened.
    /// </summary>
    public Action<ModelRuntimeError>? OnError
    {
        get => exec.OnBranchError;
        set => exec.OnBranchError = value;
    }

    /// <summary>Called when an <c>any</c> has no candidate on the path being run; an observation only.</summary>
    public Action<AnyStmt>? OnEmptyChoice
    {
        get => exec.OnEmptyChoice;
        set => exec.OnEmptyChoice = value;
    }

    /// <summary>Story lines of the path being run; set to a list to record them.</summary>
    public List<string>? Notes
    {
        get => exec.Notes;
        set => exec.Notes = value;
    }

    /// <summary>The <c>if hunk</c> branches of the path being run; set to a list to record them (an observation only).</summary>
    public List<HunkBranch>? HunkBranches
    {
        get => exec.HunkBranches;
        set => exec.HunkBranches = value;
    }

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
    public void InitialStates(Action<int[]> onState) => exec.Run(Model.Init, ZeroState(), onState);

    /// <summary>Calls <paramref name="handler"/> for every enabled action instance and each of its outcomes, in a fixed order.</summary>
    public void Successors(int[] state, SuccessorHandler handler)
    {
        foreach (var action in Model.Actions)
        {
            Successors(state, action, handler);
        }
    }

    /// <summary>The successors through one action, over all its argument tuples.</summary>
    public void Successors(int[] state, ActionDef action, SuccessorHandler handler)
    {
        var ps = action.Parameters;
        var ordinals = new int[ps.Length];
        while (true)
        {
            var args = new int[ps.Length];
            for (var i = 0; i < ps.Length; i++)
            {
                args[i] = ps[i].Domain.ValueAt(ordinals[i]);
            }

            try
            {
                Fire(state, action, args, handler);
            }
            catch (ModelRuntimeError e) when (OnError is not null)
            {
                OnError(e);
            }

            if (!Advance(ordinals, ps))
            {
                return;
            }
        }
    }

    /// <summary>Runs one action instance if its guard holds; false when it is not enabled.</summary>
    public bool Fire(int[] state, ActionDef action, int[] args, SuccessorHandler handler)
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

        exec.Run(action.Body, (int[])state.Clone(), next => handler(action, args, next));
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

    private static bool Advance(int[] ordinals, IReadOnlyList<Local> ps)
    {
        for (var i = ordinals.Length - 1; i >= 0; i--)
        {
            if (++ordinals[i] < ps[i].Domain.Count)
            {
                return true;
            }

            ordinals[i] = 0;
        }

        return false;
    }
}
