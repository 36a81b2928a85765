using HvModel.Core.Ir;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// The parameterized model for one variant: its init block and each action as a
/// <see cref="ParamStep"/>, and state formulas (properties, lemmas) over a named state. Built
/// once per variant; every query of prove reads the same steps.
/// </summary>
public sealed class ParamEncoder
{
    public ParamEncoder(Model model, Variant variant)
    {
        Model = model;
        Variant = variant;
        Vocabulary = new ProveVocabulary(model);
        Init = Encode(null);
        Actions = [.. model.Actions.Select(Encode)];
    }

    public Model Model { get; }

    public Variant Variant { get; }

    public ProveVocabulary Vocabulary { get; }

    public ParamStep Init { get; }

    public IReadOnlyList<ParamStep> Actions { get; }

    /// <summary>A state formula over the state named <paramref name="prefix"/>, with the condition that evaluating it raises a model error.</summary>
    public SmtValue Formula(Expr e, string prefix)
    {
        var expr = new ParamExprTranslator(Vocabulary, Variant, Model.FrameSize, new FreshNames()) { State = StateView.Named(Model, prefix) };
        return expr.Translate(e);
    }

    private ParamStep Encode(ActionDef? action)
    {
        var names = new FreshNames();
        var expr = new ParamExprTranslator(Vocabulary, Variant, Model.FrameSize, names) { State = StateView.Named(Model, action is null ? "z" : "x") };
        var declarations = new List<string>();
        var assertions = new List<string>();
        var parameters = new List<string>();
        var guard = SmtValue.Of(True);
        if (action is not null)
        {
            foreach (var p in action.Parameters)
            {
                var name = $"p.{action.Name}.{p.Name}";
                parameters.Add(name);
                declarations.Add($"(declare-const {name} {Vocabulary.Sort(p.Type)})");
                if (p.Type is RangeType r)
                {
                    assertions.Add(InRange(r, name));
                }

                expr.Locals[p.Slot] = SmtValue.Of(name);
            }

            guard = expr.Translate(action.Guard);
        }

        var exec = new ParamExecutor(expr, names, guard.Term);
        exec.Run(action?.Body ?? Model.Init);
        declarations.AddRange(exec.Declarations);
        assertions.AddRange(exec.Assertions);
        return new ParamStep(action?.Name ?? "init", action, parameters, declarations, assertions, guard.Term, Or(exec.Errors.Prepend(guard.Error)), expr.State);
    }
}
