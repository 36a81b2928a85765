using HvModel.Core.Ir;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// Encodes a model, for one variant, as SMT-LIB2 pieces over caller-chosen names: the initial
/// states, one transition step, and properties. Engines put the pieces together, as a BMC
/// unrolling (one set of names per step) or as Horn clauses (names bound by forall).
/// </summary>
public sealed class ModelEncoder(Model model, Variant variant, SmtArithmetic arithmetic)
{
    public ModelEncoder(Model model, Variant variant)
        : this(model, variant, SmtArithmetic.Int)
    {
    }

    public Model Model { get; } = model;

    public Variant Variant { get; } = variant;

    /// <summary>How integers are encoded (Ints or bit-vectors).</summary>
    public SmtArithmetic Arithmetic { get; } = arithmetic;

    public int SlotCount => Model.Slots.Length;

    public string SlotSort(int slot) => Arithmetic.Sort(Model.Slots[slot].Type);

    /// <summary>The constraint that slot <paramref name="slot"/>, named <paramref name="term"/>, holds a value of its type.</summary>
    public string SlotRange(int slot, string term) => Arithmetic.InRange(Model.Slots[slot].Type, term);

    /// <summary>The action selector's values: the index of the action taken.</summary>
    public RangeType SelectorType => new(0, Math.Max(0, Model.Actions.Length - 1));

    /// <summary>A translator over the state whose slots are named <paramref name="state"/>.</summary>
    public ExprTranslator Translator(IReadOnlyList<string> state) =>
        new(Variant, Model.FrameSize, Arithmetic) { Slots = [.. state.Select((t, j) => Arithmetic.Var(Model.Slots[j].Type, t))] };

    /// <summary>The names of the slots of the state at step <paramref name="step"/> under <paramref name="prefix"/>.</summary>
    public static string[] StateNames(string prefix, int step, int count)
    {
        var names = new string[count];
        for (var j = 0; j < count; j++)
        {
            names[j] = $"{prefix}{step}_{j}";
        }

        return names;
    }

    public InitEncoding EncodeInit(string prefix)
    {
        var fragment = new SmtFragment();
        var translator = new ExprTranslator(Variant, Model.FrameSize, Arithmetic)
        {
            // The init block starts where Semantics.ZeroState does: every slot at its type's first value.
            Slots = [.. Model.Slots.Select(s => Arithmetic.Fit(s.Type, Arithmetic.Constant(s.Type, s.Type.ValueAt(0))))],
        };
        var exec = new SymbolicExecutor(translator, fragment, prefix, True, True) { SlotSort = SlotSort };
        exec.Run(Model.Init);
        fragment.Assertions.AddRange(exec.Choices);
        return new InitEncoding(fragment, [.. translator.Slots.Select(v => v.Term)], Or(exec.Errors));
    }

    public StepEncoding EncodeStep(IReadOnlyList<string> current, string prefix)
    {
        var fragment = new SmtFragment();
        var actions = Model.Actions;
        string? selector = null;
        var transition = new List<string>();
        var errors = new List<string>();
        var parameters = new List<IReadOnlyList<SmtValue>>();
        var finals = new List<SmtValue[]>();
        if (actions.Length == 0)
        {
            transition.Add(False);
        }
        else
        {
            selector = $"{prefix}_act";
            fragment.Declarations.Add((selector, Arithmetic.Sort(SelectorType)));
            transition.Add(Arithmetic.InRange(SelectorType, selector));
        }

        for (var a = 0; a < actions.Length; a++)
        {
            var action = actions[a];
            var translator = Translator(current);

            // Parameters are bounded existentials: one constant each, constrained to its type.
            var ps = new List<SmtValue>();
            for (var j = 0; j < action.Parameters.Length; j++)
            {
                var p = action.Parameters[j];
                SmtValue value;
                if (p.Domain.Count == 1)
                {
                    value = Arithmetic.Constant(p.Domain, p.Domain.ValueAt(0));
                }
                else
                {
                    var name = $"{prefix}_p{a}_{j}";
                    fragment.Declarations.Add((name, Arithmetic.Sort(p.Domain)));
                    fragment.Assertions.Add(Arithmetic.InRange(p.Domain, name));
                    value = Arithmetic.Var(p.Domain, name);
                }

                ps.Add(value);
                translator.Locals[p.Slot] = value;
            }

            parameters.Add(ps);
            var guard = translator.Translate(action.Guard);
            errors.Add(guard.Error);
            var selected = Selected(selector!, a);
            var exec = new SymbolicExecutor(translator, fragment, $"{prefix}_a{a}", selected, guard.Term) { SlotSort = SlotSort };
            exec.Run(action.Body);
            errors.AddRange(exec.Errors);
            transition.AddRange(exec.Choices);
            transition.Add(Implies(selected, guard.Term));
            finals.Add(translator.Slots);
        }

        var next = new string[current.Count];
        for (var j = 0; j < next.Length; j++)
        {
            if (actions.Length == 0)
            {
                next[j] = current[j];
                continue;
            }

            var term = finals[^1][j].Term;
            for (var a = actions.Length - 2; a >= 0; a--)
            {
                var mine = finals[a][j].Term;
                if (mine != term)
                {
                    term = Ite(Selected(selector!, a), mine, term);
                }
            }

            next[j] = term;
        }

        return new StepEncoding(fragment, selector, parameters, transition, next, Or(errors));
    }

    /// <summary>
    /// The condition that some action instance is enabled in <paramref name="state"/>, or raises a
    /// model error there: its negation is a deadlock (see <see cref="EnabledEncoder"/>).
    /// </summary>
    /// <param name="state">The state's terms.</param>
    /// <param name="prefix">Prefix of the fresh constants the condition names.</param>
    /// <param name="withErrors">False for the smaller condition that some instance has an outcome, errors left out: right only beside the step's own errors (see <see cref="EnabledEncoder"/>).</param>
    /// <exception cref="EncodingTooLargeException">Too many instances and choices to spell out.</exception>
    public (string Term, SmtFragment Fragment) EncodeEnabled(IReadOnlyList<string> state, string prefix, bool withErrors = true) =>
        EnabledEncoder.Encode(this, state, prefix, withErrors);

    private string Selected(string selector, int action) => Arithmetic.EqualsValue(Arithmetic.Var(SelectorType, selector), SelectorType, action);

    /// <summary>An expression over the state named <paramref name="state"/> (properties: no statements, so no fresh constants).</summary>
    public SmtValue EncodeExpr(Expr e, IReadOnlyList<string> state)
    {
        return Translator(state).Translate(e);
    }

    /// <summary>
    /// The "bad" target of a property: a violating state for an invariant, a reaching state for
    /// a cover; without the states in which evaluating the predicate raises an error.
    /// </summary>
    public (string Target, string Error) EncodeTarget(PropertyDef property, IReadOnlyList<string> state)
    {
        var p = EncodeExpr(property.Predicate, state);
        var target = property.Kind == PropertyKind.Invariant ? Not(p.Term) : p.Term;
        return (And(target, Not(p.Error)), p.Error);
    }
}
