using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove;

/// <summary>Where a conjunct of prove's invariant comes from.</summary>
public enum LemmaOrigin
{
    /// <summary>A property being proved, taken as its own candidate.</summary>
    Property,

    /// <summary>A <c>lemma NAME "why": expr</c> of the model.</summary>
    HandWritten,

    /// <summary>A clause of the template grammar that held in every sampled state.</summary>
    Inferred,
}

/// <summary>
/// A candidate conjunct of the inductive invariant: a closed formula over a named state, with
/// the condition under which evaluating it raises a model error (false for inferred clauses).
/// </summary>
/// <param name="Origin">Property, hand-written or inferred.</param>
/// <param name="Source">The property or lemma it is (null for an inferred clause).</param>
/// <param name="Name">The property's or lemma's name; inferred ones are numbered as found.</param>
/// <param name="Term">Its SMT formula over the state named by the argument ("x", "y").</param>
/// <param name="Error">When evaluating it raises a model error, over the named state.</param>
public sealed record Candidate(string Name, LemmaOrigin Origin, Func<string, string> Term, Func<string, string> Error, PropertyDef? Source)
{
    /// <summary>
    /// For a universally quantified candidate (an inferred clause): its variables and its body
    /// over a named state, so that its violation can be asked with witness constants, without
    /// a quantifier. Null for other formulas.
    /// </summary>
    public (IReadOnlyList<(string Name, string Sort)> Vars, Func<string, string> Body)? Universal { get; init; }

    /// <summary>Declares <c>a.K</c>, which when asserted assumes the candidate in the state before the step.</summary>
    public IEnumerable<string> AssumeBefore(int k) =>
        [$"(declare-const a.{k} Bool)", $"(assert (=> a.{k} {Term("x")}))"];

    /// <summary>
    /// Declares <c>nb.K</c>, true only when the candidate is false in the state after the step:
    /// for a universal one with <paramref name="witnesses"/>, false at witness constants
    /// <c>s.K.VAR</c>, a ground formula (in a bounded universe, quantifiers are expanded anyway).
    /// </summary>
    public IEnumerable<string> ViolatedAfter(int k, bool witnesses = true)
    {
        if (!witnesses || Universal is not { } u)
        {
            return [$"(declare-const nb.{k} Bool)", $"(assert (= nb.{k} (not {Term("y")})))"];
        }

        var body = u.Body("y");
        var commands = new List<string>();
        foreach (var (name, sort) in u.Vars)
        {
            var witness = $"s.{k}.{name}";
            body = body.Replace(name, witness, StringComparison.Ordinal);
            commands.Add($"(declare-const {witness} {sort})");
        }

        commands.Add($"(declare-const nb.{k} Bool)");
        commands.Add($"(assert (= nb.{k} (not {body})))");
        return commands;
    }

    public string Describe() => Origin switch
    {
        LemmaOrigin.Property => "property",
        LemmaOrigin.HandWritten => "hand-written",
        _ => "inferred",
    };
}
