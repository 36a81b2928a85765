using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Explicit.Review;

/// <summary>
/// Builds a <see cref="VariantDiff"/>: checks both variants with the explicit engine (every
/// property, and deadlock as a column like any other where the model checks it), replays A's
/// stories on B (each counterexample, and the witness of each cover B no longer reaches), and
/// finds the hunks that matter by checking B without each of its hunks in turn (the ablation of
/// B one hunk at a time). A regression is an invariant violated or a deadlock found in B and not
/// in A, or a cover reached in A and not in B: a patch that removes the behaviour a cover stands
/// for may make the invariants hold vacuously.
/// </summary>
public static class VariantDiffer
{
    /// <summary>Deadlock is compared when the model checks it in either variant; then in both.</summary>
    public static bool ComparesDeadlock(Model model, Variant a, Variant b) => model.ChecksDeadlock(a.Name) || model.ChecksDeadlock(b.Name);

    /// <summary>
    /// <paramref name="variant"/>'s results as a comparison with <paramref name="other"/> checks
    /// them (deadlock by <see cref="ComparesDeadlock"/>), each with its expected verdict.
    /// </summary>
    public static IReadOnlyList<CheckResult> Check(Model model, Variant variant, Variant other, CheckOptions options) =>
        Check(model, variant, ComparesDeadlock(model, variant, other), options);

    private static IReadOnlyList<CheckResult> Check(Model model, Variant variant, bool deadlock, CheckOptions options)
    {
        var checkedModel = deadlock ? model with { AllowDeadlock = false } : model;
        var quiet = options with { CheckDeadlock = deadlock, Progress = null };
        return [.. new ExplicitEngine().Check(checkedModel, variant, model.Properties, quiet).Select(r => r with { Expected = model.Expected(variant.Name, r.Property) })];
    }

    public static VariantDiff Diff(Model model, Variant a, Variant b, CheckOptions options)
    {
        var deadlock = ComparesDeadlock(model, a, b);
        var inA = Check(model, a, deadlock, options).ToDictionary(r => r.Property);
        var resultsInB = Check(model, b, deadlock, options);
        var inB = resultsInB.ToDictionary(r => r.Property);
        var columns = model.Properties.Select(p => (p.Name, p.Kind, Property: (PropertyDef?)p)).ToList();
        if (deadlock)
        {
            columns.Add((Model.DeadlockProperty, PropertyKind.Invariant, null));
        }

        var verdicts = columns.Select(c => new VerdictPair(c.Name, c.Kind, inA[c.Name].Verdict, inB[c.Name].Verdict)).ToList();

        // B without each of its hunks, checked only when some story needs it.
        var withoutHunk = new Dictionary<Hunk, Dictionary<string, Verdict>>();
        Dictionary<string, Verdict> Without(Hunk h)
        {
            if (!withoutHunk.TryGetValue(h, out var v))
            {
                var reduced = new Variant($"{b.Name}-{h.Name}", [.. b.Hunks.Where(x => x != h)], "", b.Span);
                v = Check(model, reduced, deadlock, options).ToDictionary(r => r.Property, r => r.Verdict);
                withoutHunk[h] = v;
            }

            return v;
        }

        var replays = new List<StoryReplay>();
        var regressions = new List<CheckResult>();
        foreach (var (name, kind, property) in columns)
        {
            var (ra, rb) = (inA[name], inB[name]);
            var failsInA = kind == PropertyKind.Invariant ? ra.Verdict == Verdict.Violated : ra.Verdict == Verdict.Holds && rb.Verdict == Verdict.Violated;
            if (failsInA && ra.Trace is { } story)
            {
                // An invariant's (or deadlock's) counterexample, or the witness of a cover B lost.
                var outcome = StoryReplayer.Replay(model, a, b, story, property);
                var matter = rb.Verdict != ra.Verdict && rb.Verdict is Verdict.Holds or Verdict.Violated
                    ? b.Hunks.Where(h => Without(h)[name] == ra.Verdict).Select(h => h.Name).ToList()
                    : [];
                replays.Add(new StoryReplay(name, ra, outcome.BlockedAt, outcome.BlockedReason, outcome.FirstDifference, outcome.StillFails, [.. matter]));
            }

            var regressed = kind == PropertyKind.Invariant
                ? rb.Verdict == Verdict.Violated && ra.Verdict != Verdict.Violated
                : ra.Verdict == Verdict.Holds && rb.Verdict == Verdict.Violated;
            if (regressed)
            {
                regressions.Add(rb);
            }
        }

        return new VariantDiff(a.Name, b.Name, [.. verdicts], [.. replays], [.. regressions])
        {
            UnknownReason = inA.Values.Concat(inB.Values).FirstOrDefault(r => r.Verdict == Verdict.Unknown)?.Reason,
            ResultsInB = [.. resultsInB],
        };
    }
}
