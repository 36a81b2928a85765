using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Symbolic.Engines;
using HvModel.TestSupport.Generation;

namespace HvModel.TestSupport.Differential;

/// <summary>
/// Differential testing on a generated model: every variant is checked by the explicit engine
/// without symmetry (the reference), with symmetry, and by the symbolic engines asked for; they
/// must agree on every verdict and on the length of every shortest counterexample or witness up
/// to <see cref="Depth"/>, and on the model error that ends a run. An <c>unknown</c> from a
/// symbolic engine is not a disagreement, but it is counted.
/// </summary>
/// <remarks>
/// Where later comparisons plug in: the explicit engine with <c>--workers N</c> (engine-speed
/// issue) is one more <see cref="CompareExactly"/> against the reference, with the state count
/// too; SPIN on the exported Promela belongs in bench/differential.sh only (about 2 s a model).
/// </remarks>
public sealed class DifferentialRunner
{
    /// <summary>Bound for bmc and kind (and pdr's bmc half).</summary>
    public int Depth { get; init; } = 8;

    /// <summary>The symbolic engines to compare: any of bmc, kind, pdr.</summary>
    public IReadOnlyList<string> SymbolicEngines { get; init; } = ["bmc"];

    /// <summary>Per solver query; a timeout gives unknown, which is counted, not failed.</summary>
    public TimeSpan SolverTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Generated models have at most a few thousand states; past this the model is skipped.</summary>
    public long MaxStates { get; init; } = 200_000;

    /// <summary>
    /// Per explicit run. Few states do not make a short run: an action whose loops nest an
    /// <c>any</c> has a branch per choice sequence (model 9926: about 3^16 per state), so a
    /// run past this gives unknown verdicts, which are skipped, not compared.
    /// </summary>
    public TimeSpan ExplicitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Each solver process costs about 0.1 s of CPU, so the suite gives the symbolic engines
    /// the last variant only (the one with the most hunks) and a few properties of it, chosen
    /// by the seed; the scripts give them everything.
    /// </summary>
    public bool SymbolicOnLastVariantOnly { get; init; }

    /// <summary>At most this many properties per variant for the symbolic engines.</summary>
    public int SymbolicProperties { get; init; } = int.MaxValue;

    /// <summary>
    /// Counts, instead of failing, a model error of the explicit reference at length L where a
    /// symbolic engine reports every property hit at a length no greater than L. Off: that was
    /// the comparison's fault (the reference also checked deadlock, whose verdict needs a path
    /// past the error), fixed by comparing the solvers with an explicit run without deadlock.
    /// </summary>
    public bool TolerateKnownInitialStateDisagreement { get; init; }

    public DifferentialReport Compare(GeneratedModel generated)
    {
        var report = new DifferentialReport(generated.Seed);
        var model = ModelLoader.LoadText(generated.Text, generated.FileName);
        foreach (var variant in model.Variants)
        {
            var reference = EngineRun.Of(new ExplicitEngine(), "explicit --no-symmetry", model, variant, model.Properties, new CheckOptions { Symmetry = false, MaxStates = MaxStates, Timeout = ExplicitTimeout });
            var symmetric = EngineRun.Of(new ExplicitEngine(), "explicit", model, variant, model.Properties, new CheckOptions { Symmetry = true, MaxStates = MaxStates, Timeout = ExplicitTimeout });
            CompareExactly(report, variant, reference, symmetric);
            if (SymbolicOnLastVariantOnly && variant != model.Variants[^1])
            {
                continue;
            }

            var properties = model.Properties
                .Select((p, i) => (Property: p, Key: Fuzzing.MutationFamilies.Mix(generated.Seed + (ulong)i)))
                .OrderBy(x => x.Key).Take(SymbolicProperties).Select(x => x.Property).ToList();
            // The symbolic engines do not check the properties left out, and by the README's rule a
            // verdict that needs a path past a model error gives way to the error: so their
            // reference is the explicit engine on the same properties, deadlock included.
            var solverReference = EngineRun.Of(new ExplicitEngine(), "explicit --no-symmetry", model, variant, properties, new CheckOptions { Symmetry = false, MaxStates = MaxStates, Timeout = ExplicitTimeout });
            foreach (var name in SymbolicEngines)
            {
                var options = new CheckOptions { Depth = Depth, Timeout = SolverTimeout };
                var run = EngineRun.Of(Create(name), name, model, variant, properties, options);
                CompareSymbolic(report, variant, solverReference, run, name == "bmc");
            }
        }

        return report;
    }

    private static IEngine Create(string name) => name switch
    {
        "bmc" => new BmcEngine(),
        "kind" => new KInductionEngine(),
        "pdr" => new PdrEngine(),
        _ => throw new ArgumentException($"no symbolic engine '{name}'", nameof(name)),
    };

    /// <summary>Two explicit runs: the same verdicts, lengths and model errors, deadlock included.</summary>
    private static void CompareExactly(DifferentialReport report, Variant variant, EngineRun a, EngineRun b)
    {
        if (a.Crash is not null || b.Crash is not null || a.ErrorLength != b.ErrorLength || (a.Outcomes is null) != (b.Outcomes is null))
        {
            report.Disagreements.Add($"variant {variant.Name}: {a} / {b}");
            return;
        }

        if (a.Outcomes is null)
        {
            report.ModelErrors++;
            return;
        }

        foreach (var (property, outcome) in a.Outcomes)
        {
            if (outcome.Kind == OutcomeKind.Unknown || (b.Outcomes!.TryGetValue(property, out var stopped) && stopped.Kind == OutcomeKind.Unknown))
            {
                // A run stopped at a limit (time, states): its verdicts say nothing to compare.
                report.Skipped++;
                continue;
            }

            report.Compared++;
            if (!b.Outcomes!.TryGetValue(property, out var other) || other != outcome)
            {
                report.Disagreements.Add($"variant {variant.Name}, {property}: {a.Engine} {outcome}, {b.Engine} {other}");
            }
        }
    }

    private void CompareSymbolic(DifferentialReport report, Variant variant, EngineRun reference, EngineRun run, bool boundedOnly)
    {
        if (reference.Crash is not null || run.Crash is not null)
        {
            report.Disagreements.Add($"variant {variant.Name}: {reference} / {run}");
            return;
        }

        if (reference.ErrorLength is { } length)
        {
            if (length > Depth)
            {
                report.Skipped++;
            }
            else if (TolerateKnownInitialStateDisagreement && run.Outcomes is { Count: > 0 } o && o.Values.All(v => v.Kind == OutcomeKind.Hit && v.Length <= length))
            {
                report.KnownDisagreements++;
            }
            else if (run.ErrorLength != length)
            {
                report.Disagreements.Add($"variant {variant.Name}: {reference.Engine} model error at length {length}; {run}");
            }

            return;
        }

        if (run.ErrorLength is { } symbolicError)
        {
            report.Disagreements.Add($"variant {variant.Name}: {run.Engine} model error at length {symbolicError}, none reachable for {reference.Engine}");
            return;
        }

        foreach (var (property, mine) in run.Outcomes!)
        {
            report.Compared++;
            if (!reference.Outcomes!.TryGetValue(property, out var expected))
            {
                report.Disagreements.Add($"variant {variant.Name}, {property}: {run.Engine} reports it, {reference.Engine} does not check it");
                continue;
            }

            if (expected.Kind == OutcomeKind.Unknown)
            {
                report.Skipped++;
            }
            else if (mine.Kind == OutcomeKind.Unknown)
            {
                // bmc cannot say more when the target is unreachable or lies past its bound.
                var expectedOfBmc = boundedOnly && (expected.Kind == OutcomeKind.NoHit || expected.Length > Depth);
                if (!expectedOfBmc)
                {
                    report.Unknowns++;
                }
            }
            else if (mine != expected)
            {
                report.Disagreements.Add($"variant {variant.Name}, {property}: {reference.Engine} {expected}, {run.Engine} {mine}");
            }
        }
    }
}
