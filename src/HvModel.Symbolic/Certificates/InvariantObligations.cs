using HvModel.Symbolic.Engines;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// What makes a claimed invariant a proof of a property, as three obligations that must be
/// unsat: initiation (an initial state outside Inv, or an init block that fails), consecution
/// (a step from Inv leaving it), safety (a state in Inv that is bad: the property's target or a
/// model error in the property or in some action), one per goal when Inv was found for several.
/// Exactly the Horn clauses Spacer solved, with
/// Inv fixed to the claimed definition, so a correct solution always passes.
/// </summary>
internal static class InvariantObligations
{
    public static IEnumerable<ProofObligation> For(HornSystem horn, InductiveInvariant inv)
    {
        var initiation = Preamble(inv, horn.InitVars);
        initiation.AddRange(horn.InitAssertions.Select(Assert));
        initiation.Add(Assert(Or(And(horn.InitRanges.Append(Not(InductiveInvariant.Apply(horn.InitState)))), horn.InitError)));
        yield return new ProofObligation("initiation", initiation);

        var consecution = Preamble(inv, [.. horn.StateVars, .. horn.NextVars, .. horn.StepVars]);
        consecution.Add(Assert(InductiveInvariant.Apply(horn.State)));
        consecution.AddRange(horn.Transition.Select(Assert));
        consecution.Add(Assert(Not(InductiveInvariant.Apply(horn.Next))));
        yield return new ProofObligation("consecution", consecution);

        foreach (var safety in Safety(horn, inv))
        {
            yield return safety;
        }
    }

    /// <summary>Safety alone, one obligation per goal: a state in Inv is bad.</summary>
    public static IEnumerable<ProofObligation> Safety(HornSystem horn, InductiveInvariant inv)
    {
        foreach (var query in horn.Queries)
        {
            var safety = Preamble(inv, [.. horn.StateVars, .. query.Vars]);
            safety.Add(Assert(InductiveInvariant.Apply(horn.State)));
            safety.AddRange(query.Conjuncts.Select(Assert));
            yield return new ProofObligation(horn.Queries.Count == 1 ? "safety" : $"safety of {query.Goal.Name}", safety);
        }
    }

    private static List<string> Preamble(InductiveInvariant inv, IEnumerable<(string Name, string Sort)> vars)
    {
        var script = new List<string>(inv.Definitions);
        script.AddRange(vars.Select(v => $"(declare-const {v.Name} {v.Sort})"));
        return script;
    }

    private static string Assert(string term) => $"(assert {term})";
}
