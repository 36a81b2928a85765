using System.Diagnostics;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Symbolic.Printing;
using HvModel.Symbolic.Prove.Inference;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// <c>hvmodel prove</c> for one variant: the properties proved for every size of the model's
/// scalarsets, from an inductive invariant made of the property, the model's hand-written
/// lemmas and lemmas inferred from small instances. The phases:
/// <list type="number">
/// <item>bind the model at sizes 1..3 per scalarset and explore each with the explicit engine;</item>
/// <item>mine the template clauses that hold in every state seen (<see cref="ClauseMiner"/>);</item>
/// <item>keep the largest inductive subset with z3 (<see cref="Houdini"/>);</item>
/// <item>a property holds when that subset implies it, no model error is possible under it, and
/// the printed invariant passes its certificate; otherwise its verdict is unknown, with a
/// counterexample to induction.</item>
/// </list>
/// </summary>
public sealed class Prover(ProveInput input)
{
    public VariantProof Prove(Variant variant, IReadOnlyList<PropertyDef> properties)
    {
        var total = Stopwatch.StartNew();
        var model = input.Model;
        ParamEncoder encoder;
        (IReadOnlyList<SizeConfiguration> Configurations, IReadOnlyDictionary<string, string> SizeConstants) family;
        try
        {
            // A scalarset in blocks has every member fixed, and its blocks follow its size: no
            // sort of interchangeable members stands for it at every size.
            if (model.Scalarsets.FirstOrDefault(s => s.Block > 1) is { } blocked)
            {
                throw new ProveUnsupportedException($"scalarset {blocked.Name} is in blocks of {blocked.Block}: a member's place in its block matters, so no size-independent sort of interchangeable members stands for it (check it at each size instead)", blocked.Declared);
            }

            encoder = new ParamEncoder(model, variant);
            family = SizeConfigurations.Find(model, variant, input.Overrides, input.Load, input.MaxSampleSize);
        }
        catch (ProveUnsupportedException e)
        {
            return Unsupported(variant, properties, e.Describe(), total);
        }

        // Phase 1: the reachable states of every small configuration.
        Progress(variant, $"exploring {family.Configurations.Count} configurations of sizes up to {input.MaxSampleSize}");
        var samples = family.Configurations.Select(c => input.Explore(c, c.Model.GetVariant(variant.Name))).ToList();
        var explicitSeconds = samples.Sum(s => s.Seconds);
        var violatedAt = ViolatedInSamples(variant, properties.Concat(model.Properties.Where(p => p.IsLemma)), samples);

        // Phase 2: the template clauses that hold in every state seen.
        var mining = Stopwatch.StartNew();
        var inferred = ClauseMiner.MineAll(model, samples, input.Options.Cancellation).Where(c => !c.Redundant).ToList();
        mining.Stop();
        Progress(variant, $"{inferred.Count} clauses hold in the {samples.Sum(s => s.States.Count)} sampled states");

        var candidates = new List<Candidate>();
        foreach (var p in properties.Where(p => !violatedAt.ContainsKey(p.Name)))
        {
            candidates.Add(FromExpr(encoder, p, LemmaOrigin.Property));
        }

        foreach (var l in model.Properties.Where(p => p.IsLemma && !violatedAt.ContainsKey(p.Name)))
        {
            candidates.Add(FromExpr(encoder, l, LemmaOrigin.HandWritten));
        }

        var levelTwo = new HashSet<int>();
        var ranks = new Dictionary<int, (int, int, int)>();
        for (var k = 0; k < inferred.Count; k++)
        {
            var clause = inferred[k];
            if (TemplateGrammar.Level(clause.Vars) > 1)
            {
                levelTwo.Add(candidates.Count);
            }

            ranks[candidates.Count] = (clause.Size, clause.Vars.Count, candidates.Count);

            candidates.Add(new Candidate($"inferred_{k + 1}", LemmaOrigin.Inferred, clause.Smt, _ => SmtTerms.False, null)
            {
                Universal = (clause.Bound, clause.Body),
            });
        }

        var statistics = new ProveStatistics
        {
            Configurations = family.Configurations.Count,
            SampledStates = samples.Sum(s => (long)s.States.Count),
            ExplicitSeconds = explicitSeconds,
            Mined = inferred.Count,
            Candidates = candidates.Count,
            MiningSeconds = mining.Elapsed.TotalSeconds,
        };

        // Phase 3: Houdini, first in a bounded universe (ground, fast) over every candidate, then
        // for every size over the support of the properties only; a support member that is not
        // inductive for every size is dropped and the bounded phase resumed without it.
        var houdiniWatch = Stopwatch.StartNew();
        var houdini = new Houdini(encoder, candidates, Open(variant), m => Progress(variant, m));
        var universe = new BoundedUniverse(encoder.Vocabulary, new Dictionary<string, int>());
        var targets = properties.Where(p => !violatedAt.ContainsKey(p.Name))
            .Select(p => candidates.FindIndex(c => c.Source == p && c.Origin == LemmaOrigin.Property)).ToList();
        IReadOnlyList<int> bounded = [];
        IReadOnlyList<int> alive = [];
        try
        {
            // Level 1 first (one variable per scalarset); the whole grammar only when it is not enough.
            var level = levelTwo.Count == 0 ? 2 : 1;
            IEnumerable<int> start = Enumerable.Range(0, candidates.Count).Where(k => !levelTwo.Contains(k));
            while (true)
            {
                bounded = houdini.Run(start, universe);
                using var boundedQueries = new ProveQueries(encoder, candidates, bounded, Open(variant), universe);
                var seeds = targets.Where(boundedQueries.Implies).SelectMany(boundedQueries.Seeds).Distinct().ToList();
                var search = new SupportSearch(encoder, candidates, bounded, Open(variant), universe, m => Progress(variant, m));
                var support = search.Grow(seeds, k => ranks.TryGetValue(k, out var r) ? r : (0, 0, k));
                Progress(variant, $"Houdini: {bounded.Count} candidates inductive in the bounded universe; the properties need {support.Count}");
                alive = houdini.Run(support.Concat(targets.Where(bounded.Contains)).Distinct(), null);
                var lost = support.Except(alive).ToList();
                if (lost.Count > 0)
                {
                    start = bounded.Except(lost);
                    continue;
                }

                using var check = new ProveQueries(encoder, candidates, alive, Open(variant));
                if (level == 2 || targets.All(check.Implies))
                {
                    break;
                }

                level = 2;
                Progress(variant, "the clauses of one variable per scalarset are not enough: adding those of two");
                start = bounded.Concat(levelTwo);
            }
        }
        catch (SolverException e)
        {
            return Finish(variant, properties, violatedAt, [], null, null, Fragment(encoder), statistics with { HoudiniSeconds = houdiniWatch.Elapsed.TotalSeconds, TotalSeconds = total.Elapsed.TotalSeconds }, e.Message);
        }

        houdiniWatch.Stop();
        statistics = statistics with { AfterHoudini = bounded.Count, HoudiniRounds = houdini.Rounds, HoudiniSeconds = houdiniWatch.Elapsed.TotalSeconds };
        Progress(variant, $"Houdini: {alive.Count} candidates inductive for every size");

        // Phase 4: what the inductive set proves, the support each proof needs, and its certificate.
        var supportWatch = Stopwatch.StartNew();
        using var queries = new ProveQueries(encoder, candidates, alive, Open(variant));
        var outcome = new Dictionary<string, PropertyProof>();
        try
        {
            var errorReason = queries.PossibleModelError();
            var proved = new List<int>();
            foreach (var index in targets)
            {
                if (errorReason is null && queries.Implies(index))
                {
                    proved.Add(index);
                }
            }

            // The invariant printed is the whole inductive set found (the properties' support):
            // properties first, then the lemmas from the simplest.
            supportWatch.Stop();
            var printer = new ModelSyntaxPrinter(ProveVocabularyPrinting.For(encoder.Vocabulary));
            var invariant = alive.OrderBy(k => candidates[k].Origin).ThenBy(k => ranks.TryGetValue(k, out var r) ? r : (0, 0, k))
                .Select(k => Print(printer, candidates[k])).ToList();
            var certificateWatch = Stopwatch.StartNew();
            var certificate = proved.Count == 0 ? null : new ProveCertifier(input, variant, Open(variant)).Check(invariant, [.. proved.Select(k => candidates[k].Name)]);
            statistics = statistics with { SupportSeconds = supportWatch.Elapsed.TotalSeconds, CertificateSeconds = certificateWatch.Elapsed.TotalSeconds };
            foreach (var p in properties.Where(p => !violatedAt.ContainsKey(p.Name)))
            {
                var index = candidates.FindIndex(c => c.Source == p && c.Origin == LemmaOrigin.Property);
                if (proved.Contains(index))
                {
                    var used = queries.Seeds(index).Order().Select(k => candidates[k]).ToList();
                    outcome[p.Name] = certificate is { Holds: false }
                        ? new PropertyProof(variant.Name, p.Name, Verdict.Unknown, $"the certificate failed: {certificate.Failure}", [.. used.Select(c => c.Name)], null)
                        : new PropertyProof(variant.Name, p.Name, Verdict.Holds, null, [.. used.Select(c => c.Name)], null)
                        {
                            InferredOnly = alive.All(k => candidates[k].Origin != LemmaOrigin.HandWritten),
                        };
                }
                else
                {
                    var why = errorReason ?? "the inferred lemmas are not strong enough: no inductive invariant among the candidates implies it";
                    var cti = errorReason is null ? new CtiFinder(input, encoder, family.SizeConstants, Open(variant)).Find(p, candidates, bounded) : null;
                    outcome[p.Name] = new PropertyProof(variant.Name, p.Name, Verdict.Unknown, cti is null ? why : $"{why}; a counterexample to induction follows", [], cti);
                }
            }

            return Finish(variant, properties, violatedAt, invariant, outcome, certificate?.Describe(), Fragment(encoder), statistics with { TotalSeconds = total.Elapsed.TotalSeconds }, null);
        }
        catch (SolverException e)
        {
            return Finish(variant, properties, violatedAt, [], outcome, null, Fragment(encoder), statistics with { TotalSeconds = total.Elapsed.TotalSeconds }, e.Message);
        }
    }

    private static PrintedLemma Print(ModelSyntaxPrinter printer, Candidate c) =>
        new(c.Name, c.Origin, printer.Print(c.Term("x")), c.Source?.Description is { Length: > 0 } why ? why : null);

    private static Candidate FromExpr(ParamEncoder encoder, PropertyDef p, LemmaOrigin origin) =>
        new(p.Name, origin, prefix => encoder.Formula(p.Predicate, prefix).Term, prefix => encoder.Formula(p.Predicate, prefix).Error, p);

    /// <summary>The properties (and lemmas) some sampled state violates, with the configuration where.</summary>
    private static Dictionary<string, string> ViolatedInSamples(Variant variant, IEnumerable<PropertyDef> properties, IReadOnlyList<StateSample> samples)
    {
        var result = new Dictionary<string, string>();
        var names = properties.Select(p => p.Name).ToHashSet();
        foreach (var sample in samples)
        {
            var model = sample.Configuration.Model;
            var semantics = new Semantics(model, model.GetVariant(variant.Name));
            foreach (var p in model.Properties.Where(p => names.Contains(p.Name) && !result.ContainsKey(p.Name)))
            {
                if (sample.States.Any(s => !semantics.Holds(p, s)))
                {
                    result[p.Name] = sample.Configuration.Label;
                }
            }
        }

        return result;
    }

    private VariantProof Finish(
        Variant variant,
        IReadOnlyList<PropertyDef> properties,
        Dictionary<string, string> violatedAt,
        IReadOnlyList<PrintedLemma> invariant,
        Dictionary<string, PropertyProof>? outcome,
        string? certificate,
        string fragment,
        ProveStatistics statistics,
        string? failure)
    {
        var results = new List<PropertyProof>();
        foreach (var p in properties)
        {
            if (violatedAt.TryGetValue(p.Name, out var where))
            {
                results.Add(new PropertyProof(variant.Name, p.Name, Verdict.Violated, $"violated at {where} (the explicit engine reaches a state that violates it; 'check' shows the trace)", [], null));
            }
            else if (outcome is not null && outcome.TryGetValue(p.Name, out var done))
            {
                results.Add(done);
            }
            else
            {
                results.Add(new PropertyProof(variant.Name, p.Name, Verdict.Unknown, failure ?? "not proved", [], null));
            }
        }

        return new VariantProof(variant.Name, results, invariant, certificate, fragment, statistics);
    }

    private VariantProof Unsupported(Variant variant, IReadOnlyList<PropertyDef> properties, string reason, Stopwatch total) =>
        new(variant.Name, [.. properties.Select(p => new PropertyProof(variant.Name, p.Name, Verdict.Unknown, $"prove cannot translate the model for every size: {reason}", [], null))],
            [], null, "not translated", new ProveStatistics { TotalSeconds = total.Elapsed.TotalSeconds });

    private static string Fragment(ParamEncoder encoder) => EprFragment.Describe(encoder);

    private void Progress(Variant variant, string message) => input.Options.Progress?.Invoke($"prove {variant.Name}: {message}");

    private Func<string, Z3Process> Open(Variant variant)
    {
        var sessions = 0;
        return role =>
        {
            string? dump = null;
            if (input.Options.DumpSmtDirectory is { } dir)
            {
                sessions++;
                dump = Path.Combine(dir, $"prove-{Core.Text.SafeFileName.ScriptPart(variant.Name)}-{Core.Text.SafeFileName.ScriptPart(role)}-{sessions}.smt2");
            }

            var memory = input.Options.MaxMemoryBytes is { } max ? (max / 4) >> 20 : (long?)null;
            var solver = new Z3Process(input.SolverPath, input.Options.Timeout, dump, input.Options.Deadline, null, memory, input.Options.Cancellation);
            solver.Send("(set-option :produce-unsat-cores true)");

            // The step's quantified definitions of the state after it are macros: z3 eliminates
            // them up front when told to, which makes the quantified queries many times faster.
            solver.Send("(set-option :smt.macro_finder true)");
            return solver;
        };
    }
}
