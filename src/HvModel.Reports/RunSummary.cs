using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// What a check run says below its matrix, as sentences that the text and HTML reports both
/// print: each variant's states, transitions, depth and deadlock verdict; the cells that differ
/// from the expectation; why a verdict is unknown or a property not checked; how proofs were
/// made and certified; and the collision probability of a verdict given under fingerprints.
/// </summary>
public static class RunSummary
{
    /// <summary>Every sentence: each variant's run, then the notes on single verdicts.</summary>
    public static IEnumerable<string> Lines(Model model, IReadOnlyList<CheckResult> results) =>
        Variants(model, results).Concat(Notes(results));

    /// <summary>Each variant's run: what was explored (or checked), and its deadlock verdict.</summary>
    public static IEnumerable<string> Variants(Model model, IReadOnlyList<CheckResult> results) =>
        results.GroupBy(r => r.Variant).Select(g => Explored(model, g.Key, [.. g]));

    /// <summary>The notes on single verdicts: differences, unknowns, proofs, certificates, collision probabilities.</summary>
    public static IEnumerable<string> Notes(IReadOnlyList<CheckResult> results)
    {
        foreach (var r in results.Where(r => r.Differs))
        {
            yield return $"DIFFERS: {r.Variant} / {r.Property}: {Word(r)}, expected {Word(r with { Verdict = r.Expected })}";
        }

        foreach (var r in results.Where(r => r.Verdict == Verdict.Unknown))
        {
            yield return $"unknown: {r.Variant} / {r.Property}: {r.Reason}";
        }

        foreach (var reason in results.Where(r => r.Verdict == Verdict.NotChecked).Select(r => $"{r.Property}: {r.Reason}").Distinct())
        {
            yield return $"not checked: {reason}";
        }

        // How a symbolic engine proved it (k-induction depth, Spacer's invariant with --show-invariant).
        foreach (var r in results.Where(r => r.Verdict == Verdict.Holds && r.Kind == PropertyKind.Invariant && r.Reason is not null))
        {
            yield return $"proved: {r.Variant} / {r.Property}: {r.Reason}";
        }

        // A verdict a search under --fingerprint gave by having seen every state: it may be wrong, with this probability.
        foreach (var r in results.Where(r => r.CollisionProbability is not null))
        {
            yield return $"{r.Variant} / {r.Property}: {Word(r)} (fingerprints, collision probability {Probability(r.CollisionProbability!.Value)})";
        }

        // Which independent re-checks the symbolic proofs passed, once per kind of certificate.
        foreach (var g in results.Where(r => r.Certificate is not null && r.Verdict != Verdict.Unknown).GroupBy(r => r.Certificate))
        {
            yield return $"certified: {g.Count()} {(g.Count() == 1 ? "proof" : "proofs")}: {g.Key}";
        }
    }

    /// <summary>A probability as people read one: 3.1e-07, or 0 when no collision was possible.</summary>
    public static string Probability(double p) => p == 0 ? "0" : p.ToString("0.0e+00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Explored(Model model, string variant, IReadOnlyList<CheckResult> group)
    {
        var r = group[0];
        var deadlock = group.FirstOrDefault(x => model.Properties.All(p => p.Name != x.Property));
        var free = deadlock is null ? "" : deadlock.Verdict switch
        {
            Verdict.Holds => ", no deadlock",
            Verdict.Violated => ", DEADLOCK",
            Verdict.NotChecked => ", deadlock not checked",
            _ => ", deadlock unknown",
        };

        // A search that stopped early counts only the states it explored: say so.
        var partial = r.Complete != false ? ""
            : $" (a partial search: {group.FirstOrDefault(x => x.Verdict == Verdict.Unknown)?.Reason ?? "it stopped once every verdict was known"})";

        // Each engine checks a variant's properties in one run: the last verdict's time is the run's.
        var explored = r.Complete is not null
            ? $"{r.States} states, {r.Transitions} transitions, depth {group.Max(x => x.Depth)}{partial}{free}, {r.Seconds:0.00} s"
            : $"{group.Count(x => x.Verdict != Verdict.NotChecked)} checks, depth up to {group.Max(x => x.Depth)}{free}, {group.Max(x => x.Seconds):0.00} s";
        return $"{variant}: {explored}";
    }

    private static string Word(CheckResult r) => VerdictWords.Plain(r.Kind, r.Verdict);
}
