using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Checking;

/// <summary>
/// A model (or a variant) without an initial state has no behaviour at all: every invariant
/// would hold and every engine would agree, vacuously. That is never what the author meant, so
/// it is an input error, pointing at the initial choice that has no candidate. The only way to
/// an empty set of initial states is an <c>any</c> whose condition fails for every candidate on
/// every path of the init block (the choices of <c>var x: T in {...}</c> are constants, checked
/// against the type when the model is bound).
/// </summary>
public static class InitialStateCheck
{
    /// <summary>
    /// Values the choices of the init block may examine before the search for a first initial
    /// state gives up undecided (a fraction of a second): the engines then enumerate the initial
    /// states under their own limits, and refuse the model if they find none.
    /// </summary>
    public const int MaxChoiceValues = 1_000_000;

    /// <summary>Throws a <see cref="ModelError"/> naming the variants among <paramref name="variants"/> that have no initial state.</summary>
    public static void Require(Model model, IEnumerable<Variant> variants)
    {
        if (ExecutionDepth.Problem(model) is not null)
        {
            return; // not run at all: the engines report why
        }

        var empty = new List<(Variant Variant, AnyStmt? Choice)>();
        foreach (var v in variants)
        {
            if (HasNone(model, v, out var deadChoice))
            {
                empty.Add((v, deadChoice));
            }
        }

        if (empty.Count > 0)
        {
            throw Error(model, empty.Select(e => e.Variant).ToList(), empty[0].Choice);
        }
    }

    /// <summary>
    /// The error for a variant that an engine found to have no initial state (it enumerated
    /// them all): pointing at the choice without a candidate when one can be found.
    /// </summary>
    public static ModelError Refused(Model model, Variant variant)
    {
        HasNone(model, variant, out var deadChoice);
        return Error(model, [variant], deadChoice);
    }

    /// <summary>
    /// True when the variant surely has no initial state; <paramref name="deadChoice"/> is then
    /// the first choice in source order that had no candidate on some path. False when it has
    /// one, or when that could not be decided (the init block raised a model error, which the
    /// engines report with its trace, or the choices examined too many values first).
    /// </summary>
    private static bool HasNone(Model model, Variant variant, out AnyStmt? deadChoice)
    {
        deadChoice = null;
        var semantics = new Semantics(model, variant);
        var dead = new HashSet<AnyStmt>(ReferenceEqualityComparer.Instance);
        var examined = 0;
        var observer = new RunObserver
        {
            OnEmptyChoice = choice => dead.Add(choice),
            OnChoiceValue = () =>
            {
                if (++examined > MaxChoiceValues)
                {
                    throw new Undecided();
                }
            },
        };
        try
        {
            semantics.InitialStates(_ => throw new Found(), observer);
        }
        catch (Exception e) when (e is Found or Undecided or ModelRuntimeError)
        {
            return false;
        }

        deadChoice = dead.OrderBy(c => c.Span.File == model.SourceFile ? 0 : 1)
            .ThenBy(c => c.Span.File, StringComparer.Ordinal).ThenBy(c => c.Span.Line).ThenBy(c => c.Span.Column)
            .FirstOrDefault();
        return true;
    }

    private static ModelError Error(Model model, IReadOnlyList<Variant> variants, AnyStmt? choice)
    {
        var where = variants.Count == model.Variants.Length && model.Variants.All(variants.Contains)
            ? ""
            : $" in variant{(variants.Count > 1 ? "s" : "")} {string.Join(", ", variants.Select(v => v.Name))}";
        var why = choice is null
            ? "the init block has no outcome"
            : $"no value of {choice.Variable.Name}: {choice.Variable.Type.Display} satisfies the condition of this 'any'";
        return new ModelError(
            choice?.Span ?? new SourceSpan(model.SourceFile, 1, 1),
            $"no initial state{where}: {why}, so there is no behaviour to check and every invariant would hold vacuously");
    }

    private sealed class Found : Exception;

    private sealed class Undecided : Exception;
}
