using System.Collections.Immutable;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
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

    /// <summary>The gate over <paramref name="variants"/>, each exploration within the limits of <paramref name="options"/> (by default <see cref="DefaultMaxStates"/>).</summary>
    public static GateReport Run(Model model, IReadOnlyList<Variant> variants, CheckOptions? options = null)
    {
        options = (options ?? new CheckOptions { MaxStates = DefaultMaxStates }).StartClock();
        var findings = new List<GateFinding>();
        var states = ImmutableArray.CreateBuilder<KeyValuePair<string, int>>();
        var incomplete = new List<KeyValuePair<string, string>>();
        foreach (var variant in variants)
        {
            var graph = ReachableGraph.Explore(model, variant, options);
            states.Add(new(variant.Name, graph.States.Count));
            if (graph.Incomplete is { } why)
            {
                incomplete.Add(new(variant.Name, why));
                continue;
            }

            var semantics = new Semantics(model, variant);
            findings.AddRange(NeverFired(model, variant, graph));
            foreach (var hunk in variant.Hunks)
            {
                var without = new Variant($"{variant.Name}-{hunk.Name}", [.. variant.Hunks.Where(h => h != hunk)], "", variant.Span);
                if (ReachableGraph.Explore(model, without, options).SameAs(graph))
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

        var unmatched = model.GateExpectations.Where(e => !findings.Any(f => Matches(e, f))).ToImmutableArray();
        return new GateReport([.. findings], states.ToImmutable(), unmatched, [.. incomplete]);
    }

    private static IEnumerable<GateFinding> NeverFired(Model model, Variant variant, ReachableGraph graph)
    {
        var fired = graph.Edges.Select(e => e.Instance).ToHashSet();
        foreach (var instance in model.Actions.SelectMany(a => a.Instances()).Where(i => !fired.Contains(i)))
        {
            var expectation = model.GateExpectations.FirstOrDefault(e => e.Kind == GateFindingKind.NeverFires && e.AppliesTo(variant.Name) && NeverMatches(e, instance));
            yield return new GateFinding(GateFindingKind.NeverFires, variant.Name, instance.ToString(), $"{instance} fires in none of the {graph.States.Count} reachable states", expectation?.Reason)
            {
                Instance = instance,
            };
        }
    }

    private static GateFinding Finding(Model model, GateFindingKind kind, Variant variant, string subject, string detail)
    {
        var expectation = model.GateExpectations.FirstOrDefault(e => e.Kind == kind && e.Subject == subject && e.AppliesTo(variant.Name));
        return new GateFinding(kind, variant.Name, subject, detail, expectation?.Reason);
    }

    private static bool Matches(GateExpectation e, GateFinding f) =>
        e.Kind == f.Kind && e.AppliesTo(f.Variant)
        && (e.Kind != GateFindingKind.NeverFires ? e.Subject == f.Subject : f.Instance is { } instance && NeverMatches(e, instance));

    private static bool NeverMatches(GateExpectation e, ActionInstance instance) =>
        e.Subject == instance.Action.Name && e.Arguments.Select((v, i) => v is null || v == instance.Args[i]).All(x => x);
}
