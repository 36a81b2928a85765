using System.Collections.Immutable;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Printing;
using HvModel.Core.Review;

namespace HvModel.Explicit.Review;

/// <summary>
/// The vacuity and fault-coverage gate, per variant: action instances that never fire (as TLC
/// reports coverage), hunks whose removal leaves the reachable graph unchanged, implications
/// <c>a -> b</c> of an invariant (also under <c>forall</c> and <c>and</c>) whose <c>a</c> holds
/// in no reachable state, covers never reached, and deadlocks where the model checks them. Each
/// finding is matched against the model's expectations (<c>expect never|inert|vacuous</c>, and
/// the expect tables' <c>unreached</c> for covers).
/// </summary>
public static class Gate
{
    public const int DefaultMaxStates = 1_000_000;

    public static GateReport Run(Model model, IReadOnlyList<Variant> variants, int maxStates = DefaultMaxStates)
    {
        var findings = new List<GateFinding>();
        var states = ImmutableArray.CreateBuilder<KeyValuePair<string, int>>();
        var incomplete = new List<string>();
        foreach (var variant in variants)
        {
            var graph = ReachableGraph.Explore(model, variant, maxStates);
            states.Add(new(variant.Name, graph.States.Count));
            if (graph.Incomplete)
            {
                incomplete.Add(variant.Name);
                continue;
            }

            var semantics = new Semantics(model, variant);
            findings.AddRange(NeverFired(model, variant, graph));
            foreach (var hunk in variant.Hunks)
            {
                var without = new Variant($"{variant.Name}-{hunk.Name}", [.. variant.Hunks.Where(h => h != hunk)], "", variant.Span);
                if (ReachableGraph.Explore(model, without, maxStates).SameAs(graph))
                {
                    findings.Add(Finding(model, GateFindingKind.InertHunk, variant, hunk.Name, $"removing hunk {hunk.Name} leaves the {graph.States.Count} reachable states and their transitions unchanged"));
                }
            }

            var stuck = graph.States.Count - graph.Edges.Select(e => e.From).Distinct().Count();
            if (stuck > 0 && model.ChecksDeadlock(variant.Name))
            {
                var expected = model.Expected(variant.Name, Model.DeadlockProperty) == Verdict.Violated ? "the expect table says deadlock" : null;
                findings.Add(new GateFinding(GateFindingKind.Deadlock, variant.Name, Model.DeadlockProperty, $"{stuck} of the {graph.States.Count} reachable states have no enabled action", expected));
            }

            foreach (var p in model.Properties)
            {
                if (p.Kind == PropertyKind.Invariant)
                {
                    // Every '->' of the invariant, under forall and 'and' too: its left side must be met somewhere.
                    foreach (var found in Implications.Of(p.Predicate).Where(f => !graph.States.Any(s => semantics.Evaluate(f.Reached, s) != 0)))
                    {
                        var at = found.Implication.Span;
                        findings.Add(Finding(model, GateFindingKind.VacuousImplication, variant, p.Name, $"the left side of the implication at {at.Line}:{at.Column} holds in none of the {graph.States.Count} reachable states"));
                    }
                }

                if (p.Kind == PropertyKind.Cover && !graph.States.Any(s => semantics.Holds(p, s)))
                {
                    var expected = model.Expected(variant.Name, p.Name) switch
                    {
                        Verdict.Violated => "the expect table says unreached",
                        Verdict.Unknown => "the expect table knows no verdict in advance ('?')",
                        _ => null,
                    };
                    findings.Add(new GateFinding(GateFindingKind.UnreachedCover, variant.Name, p.Name, $"cover {p.Name} holds in none of the {graph.States.Count} reachable states", expected));
                }
            }
        }

        var unmatched = model.GateExpectations.Where(e => !findings.Any(f => Matches(model, e, f))).ToImmutableArray();
        return new GateReport([.. findings], states.ToImmutable(), unmatched, [.. incomplete]);
    }

    private static IEnumerable<GateFinding> NeverFired(Model model, Variant variant, ReachableGraph graph)
    {
        var fired = graph.Edges.Select(e => e.Instance).ToHashSet();
        foreach (var action in model.Actions)
        {
            foreach (var args in Instances(action))
            {
                var call = StateFormatter.ActionCall(action, args);
                if (!fired.Contains(call))
                {
                    var expectation = model.GateExpectations.FirstOrDefault(e => e.Kind == GateFindingKind.NeverFires && e.AppliesTo(variant.Name) && NeverMatches(e, action, args));
                    yield return new GateFinding(GateFindingKind.NeverFires, variant.Name, call, $"{call} fires in none of the {graph.States.Count} reachable states", expectation?.Reason);
                }
            }
        }
    }

    private static GateFinding Finding(Model model, GateFindingKind kind, Variant variant, string subject, string detail)
    {
        var expectation = model.GateExpectations.FirstOrDefault(e => e.Kind == kind && e.Subject == subject && e.AppliesTo(variant.Name));
        return new GateFinding(kind, variant.Name, subject, detail, expectation?.Reason);
    }

    private static bool Matches(Model model, GateExpectation e, GateFinding f)
    {
        if (e.Kind != f.Kind || !e.AppliesTo(f.Variant))
        {
            return false;
        }

        if (e.Kind != GateFindingKind.NeverFires)
        {
            return e.Subject == f.Subject;
        }

        var action = model.Actions.First(a => a.Name == e.Subject);
        return Instances(action).Any(args => StateFormatter.ActionCall(action, args) == f.Subject && NeverMatches(e, action, args));
    }

    private static bool NeverMatches(GateExpectation e, ActionDef action, int[] args) =>
        e.Subject == action.Name && e.Arguments.Select((v, i) => v is null || v == args[i]).All(x => x);

    /// <summary>Every argument tuple of an action, in the order the engines enumerate them.</summary>
    private static IEnumerable<int[]> Instances(ActionDef action)
    {
        var tuples = new List<int[]> { Array.Empty<int>() };
        foreach (var p in action.Parameters)
        {
            tuples = [.. tuples.SelectMany(t => p.Domain.Values().Select(v => (int[])[.. t, v]))];
        }

        return tuples;
    }
}
