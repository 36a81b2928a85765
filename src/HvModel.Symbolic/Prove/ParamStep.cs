using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// One action of the parameterized model (or its init block) as formulas: the step from the
/// state named <c>x</c> (for init: an arbitrary state <c>z</c>) to the state named <c>y</c>.
/// The parameters are free constants, so a satisfying model names the action instance.
/// </summary>
/// <param name="Name">The action's name, or "init".</param>
/// <param name="Action">Null for the init block.</param>
/// <param name="Parameters">Each parameter's constant, in order.</param>
/// <param name="Declarations">Parameters, choices and shared terms.</param>
/// <param name="Assertions">Their constraints (ranges, <c>where</c> of choices, definitions).</param>
/// <param name="Guard">When the action is enabled (true for init).</param>
/// <param name="Error">When taking it raises a model error (the guard's own error included).</param>
/// <param name="Post">The state after the step, as functions of the state before.</param>
public sealed record ParamStep(
    string Name,
    ActionDef? Action,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<string> Declarations,
    IReadOnlyList<string> Assertions,
    string Guard,
    string Error,
    StateView Post)
{
    /// <summary>The name of the state the step starts from.</summary>
    public string From => Action is null ? "z" : "x";

    /// <summary>
    /// The commands that declare the step and define the state <c>y</c> after it; the states
    /// <c>x</c> (or <c>z</c>) and <c>y</c> must be declared already.
    /// </summary>
    public IEnumerable<string> Commands(ProveVocabulary vocabulary)
    {
        foreach (var d in Declarations)
        {
            yield return d;
        }

        foreach (var a in Assertions)
        {
            yield return $"(assert {a})";
        }

        foreach (var v in vocabulary.Model.Vars)
        {
            var indexTypes = vocabulary.IndexTypes(v);
            var args = indexTypes.Select((_, k) => $"y.{k}.").ToList();
            var y = StateView.Apply(ProveVocabulary.StateFunction("y", v))(args);
            var definition = $"(= {y} {Post[v](args)})";
            yield return args.Count == 0
                ? $"(assert {definition})"
                : $"(assert (forall ({string.Join(' ', args.Select((a, k) => $"({a} {vocabulary.Sort(indexTypes[k])})"))}) {definition}))";
        }
    }
}
