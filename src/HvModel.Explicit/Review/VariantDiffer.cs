using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Explicit.Review;

/// <summary>
/// Builds a <see cref="VariantDiff"/>: checks both variants with the explicit engine, replays
/// each of A's counterexamples on B, and finds the hunks that matter by checking B without each
/// of its hunks in turn (the ablation of B one hunk at a time).
/// </summary>
public static class VariantDiffer
{
    public static VariantDiff Diff(Model model, Variant a, Variant b, CheckOptions options)
    {
        var engine = new ExplicitEngine();
        var quiet = options with { CheckDeadlock = false, Progress = null };
        var inA = engine.Check(model, a, model.Properties, quiet).ToDictionary(r => r.Property);
        var inB = engine.Check(model, b, model.Properties, quiet).ToDictionary(r => r.Property);
        var verdicts = model.Properties.Select(p => new VerdictPair(p.Name, p.Kind, inA[p.Name].Verdict, inB[p.Name].Verdict)).ToList();

        // B without each of its hunks, checked only when some story needs it.
        var withoutHunk = new Dictionary<Hunk, Dictionary<string, Verdict>>();
        Dictionary<string, Verdict> Without(Hunk h)
        {
            if (!withoutHunk.TryGetValue(h, out var v))
            {
                var reduced = new Variant($"{b.Name}-{h.Name}", [.. b.Hunks.Where(x => x != h)], "", b.Span);
                v = engine.Check(model, reduced, [.. model.Properties.Where(p => p.Kind == PropertyKind.Invariant)], quiet).ToDictionary(r => r.Property, r => r.Verdict);
                withoutHunk[h] = v;
            }

            return v;
        }

        var replays = new List<StoryReplay>();
        foreach (var p in model.Properties.Where(p => p.Kind == PropertyKind.Invariant))
        {
            var r = inA[p.Name];
            if (r.Verdict != Verdict.Violated || r.Trace is null)
            {
                continue;
            }

            var outcome = StoryReplayer.Replay(model, a, b, r.Trace, p);
            var matter = inB[p.Name].Verdict == Verdict.Holds
                ? b.Hunks.Where(h => Without(h)[p.Name] == Verdict.Violated).Select(h => h.Name).ToList()
                : [];
            replays.Add(new StoryReplay(p.Name, r, outcome.BlockedAt, outcome.BlockedReason, outcome.FirstDifference, outcome.StillFails, [.. matter]));
        }

        var regressions = model.Properties
            .Where(p => p.Kind == PropertyKind.Invariant && inB[p.Name].Verdict == Verdict.Violated && inA[p.Name].Verdict != Verdict.Violated)
            .Select(p => inB[p.Name]);
        return new VariantDiff(a.Name, b.Name, [.. verdicts], [.. replays], [.. regressions]);
    }
}
