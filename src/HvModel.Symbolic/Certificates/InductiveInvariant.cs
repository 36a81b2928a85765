using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// An invariant claimed over one state, as the SMT-LIB definition of a predicate <c>Inv</c>
/// with one parameter per state slot (the form Spacer's <c>(get-model)</c> gives, and the form
/// prove's printer will give). Applied to a state's terms as <c>(Inv s_0 ... s_n)</c>.
/// </summary>
public sealed class InductiveInvariant
{
    private InductiveInvariant(IReadOnlyList<string> definitions, Sexp body, IReadOnlyList<string> parameters)
    {
        Definitions = definitions;
        Body = body;
        Parameters = parameters;
    }

    /// <summary>The <c>define-fun</c> commands, <c>Inv</c> among them, in the solver's order.</summary>
    public IReadOnlyList<string> Definitions { get; }

    /// <summary>The body of <c>Inv</c>.</summary>
    public Sexp Body { get; }

    /// <summary>The names of <c>Inv</c>'s parameters, slot by slot.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary><c>Inv</c> applied to the terms of a state.</summary>
    public static string Apply(IReadOnlyList<string> state) => state.Count == 0 ? "Inv" : $"(Inv {string.Join(' ', state)})";

    /// <summary>
    /// Reads <c>Inv</c> out of a solver model; throws <see cref="SolverException"/> when the
    /// model is not one, has no <c>Inv</c>, or gives it the wrong parameters.
    /// </summary>
    /// <param name="modelText">The answer to <c>(get-model)</c>.</param>
    /// <param name="sorts">The sort of each state slot, in order.</param>
    public static InductiveInvariant FromModel(string modelText, IReadOnlyList<string> sorts)
    {
        Sexp root;
        try
        {
            root = Sexp.Parse(modelText);
        }
        catch (FormatException e)
        {
            throw new SolverException($"the solver's model is not an s-expression: {e.Message}");
        }

        var items = root.Items.Count > 0 && root.Items[0].Atom == "model" ? root.Items.Skip(1) : root.Items;
        var definitions = new List<string>();
        InductiveInvariant? found = null;
        foreach (var def in items)
        {
            if (def.Items.Count != 5 || def.Items[0].Atom != "define-fun" || def.Items[1].Atom is null)
            {
                throw new SolverException($"unexpected item in the solver's model: {Shorten(def.ToString())}");
            }

            definitions.Add(def.ToString());
            if (def.Items[1].Atom != "Inv")
            {
                continue;
            }

            var ps = def.Items[2].Items;
            if (ps.Count != sorts.Count || def.Items[3].Atom != "Bool")
            {
                throw new SolverException($"the solver's Inv has {ps.Count} parameters, not {sorts.Count}");
            }

            var names = new List<string>();
            for (var i = 0; i < ps.Count; i++)
            {
                if (ps[i].Items.Count != 2 || ps[i].Items[0].Atom is not { } name || ps[i].Items[1].Atom != sorts[i])
                {
                    throw new SolverException($"parameter {i} of the solver's Inv is {ps[i]}, not of sort {sorts[i]}");
                }

                names.Add(name);
            }

            found = new InductiveInvariant(definitions, def.Items[4], names);
        }

        if (found is null)
        {
            throw new SolverException("the solver's model has no invariant Inv");
        }

        return new InductiveInvariant(definitions, found.Body, found.Parameters);
    }

    /// <summary>An invariant given as a body over named parameters (tests; prove's printer later).</summary>
    public static InductiveInvariant FromBody(IReadOnlyList<(string Name, string Sort)> parameters, string body)
    {
        var ps = string.Join(' ', parameters.Select(p => $"({p.Name} {p.Sort})"));
        return new InductiveInvariant([$"(define-fun Inv ({ps}) Bool {body})"], Sexp.Parse(body), [.. parameters.Select(p => p.Name)]);
    }

    private static string Shorten(string s) => s.Length > 80 ? s[..80] + "..." : s;
}
