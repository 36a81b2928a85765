using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Symbolic.Certificates;
using HvModel.Symbolic.Prove.Inference;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// The certificate of prove's proof, made from the invariant as printed, not from the terms the
/// search used: the printed lemmas are parsed and bound again through the model's front end (as
/// <c>lemma</c> declarations), translated again, and their initiation, consecution (action by
/// action), absence of model errors and implication of each proved property are re-checked in
/// fresh solver processes (z3, then cvc5), and the lemmas evaluated by the explicit engine on
/// every reachable state of the configuration given. So what the report prints is what was proved.
/// </summary>
public sealed class ProveCertifier(ProveInput input, Variant variant, Func<string, Z3Process> open)
{
    public const string ClaimPrefix = "claim_";

    public Certificate Check(IReadOnlyList<PrintedLemma> invariant, IReadOnlyList<string> properties)
    {
        const string Subject = "prove invariant";
        var solverName = Z3Process.ShortName(input.SolverPath);
        Model model;
        try
        {
            model = input.LoadWithLemmas([.. invariant.Select((l, k) => ($"{ClaimPrefix}{k + 1}", l.Text))]);
        }
        catch (ModelError e)
        {
            return new Certificate(Subject, solverName, [], $"the printed invariant does not bind as model syntax: {e.Format()}");
        }

        var checkedVariant = model.GetVariant(variant.Name);
        var claims = model.Properties.Where(p => p.IsLemma && p.Name.StartsWith(ClaimPrefix, StringComparison.Ordinal)).ToList();
        List<ProofObligation> obligations;
        try
        {
            obligations = Obligations(new ParamEncoder(model, checkedVariant), claims, [.. properties.Select(model.GetProperty)]);
        }
        catch (ProveUnsupportedException e)
        {
            return new Certificate(Subject, solverName, [], $"the printed invariant has no translation: {e.Describe()}");
        }

        var checker = new CertificateChecker(open, solverName)
        {
            Second = input.SecondSolver is { } path ? SecondSolver.Find(path) : null,
            SecondMinimum = input.SecondSolverMinimum,
            Deadline = input.Options.Deadline,
            Cancellation = input.Options.Cancellation,
        };
        return checker.Check(Subject, obligations, [Explicit(model, checkedVariant, claims)]);
    }

    private static List<ProofObligation> Obligations(ParamEncoder encoder, IReadOnlyList<PropertyDef> claims, IReadOnlyList<PropertyDef> properties)
    {
        var vocabulary = encoder.Vocabulary;
        string Claims(string prefix) => And(claims.Select(c => encoder.Formula(c.Predicate, prefix).Term));
        string ClaimErrors(string prefix) => Or(claims.Select(c => encoder.Formula(c.Predicate, prefix).Error));
        var result = new List<ProofObligation>();

        var initiation = vocabulary.Declarations().Concat(vocabulary.StateDeclarations("z")).Concat(vocabulary.StateDeclarations("y"))
            .Concat(encoder.Init.Commands(vocabulary)).ToList();
        initiation.Add($"(assert {Or(encoder.Init.Error, ClaimErrors("y"), Not(Claims("y")))})");
        result.Add(new ProofObligation("initiation", initiation));

        foreach (var step in encoder.Actions)
        {
            var script = vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x"))
                .Concat(vocabulary.StateDeclarations("y")).Concat(step.Commands(vocabulary)).ToList();
            script.Add($"(assert {Claims("x")})");
            script.Add($"(assert {step.Guard})");

            // A step from the invariant either raises a model error or stays in the invariant.
            script.Add($"(assert {Or(step.Error, ClaimErrors("y"), Not(Claims("y")))})");
            result.Add(new ProofObligation($"consecution of {step.Name}", script));
        }

        foreach (var p in properties)
        {
            var formula = encoder.Formula(p.Predicate, "x");
            var script = vocabulary.Declarations().Concat(vocabulary.StateDeclarations("x")).Concat(vocabulary.StateRanges("x")).ToList();
            script.Add($"(assert {Claims("x")})");
            script.Add($"(assert {Or(Not(formula.Term), formula.Error)})");
            result.Add(new ProofObligation($"{p.Name} follows", script));
        }

        return result;
    }

    // The explicit engine's check: every printed lemma holds in every reachable state of the configuration given.
    private StateCheck Explicit(Model model, Variant checkedVariant, IReadOnlyList<PropertyDef> claims) => new("explicit evaluation", () =>
    {
        var sample = input.Explore(new SizeConfiguration(input.Overrides, model, "as given"), checkedVariant);
        var semantics = new Semantics(model, checkedVariant);
        foreach (var state in sample.States)
        {
            foreach (var c in claims)
            {
                if (!semantics.Holds(c, state))
                {
                    return ($"lemma {c.Name[ClaimPrefix.Length..]} is false in a reachable state", string.Empty);
                }
            }
        }

        return (null, $"explicit: every lemma holds in the {sample.States.Count} reachable states{(sample.Complete ? string.Empty : " explored (a partial search)")}");
    });
}
