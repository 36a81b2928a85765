using HvModel.Core.Ir;

namespace HvModel.Core.Checking;

/// <summary>
/// How a run under <c>--timeout</c> shares its time among the variants, so that one hard
/// variant does not starve the others: each variant in turn gets the time left divided by the
/// number of variants still to check; then, while time is left, the variants whose share ran
/// out with verdicts still unknown are checked again for those verdicts only, sharing the time
/// left in the same way (at most <see cref="MaxRounds"/> rounds). A verdict once found is kept.
/// Within a variant each engine shares its own time among the properties (see the README).
/// </summary>
public static class TimeShare
{
    /// <summary>Rounds after the first in which unknown verdicts get another turn.</summary>
    public const int MaxRounds = 3;

    // A share smaller than this is not worth starting a solver or a search for.
    private static readonly TimeSpan Least = TimeSpan.FromMilliseconds(500);

    /// <summary>The deadline of the next of <paramref name="left"/> runs sharing the time until <paramref name="deadline"/>; null without a time limit.</summary>
    public static DateTime? Slice(DateTime? deadline, int left)
    {
        if (deadline is not { } end)
        {
            return null;
        }

        var share = (end - DateTime.UtcNow) / Math.Max(1, left);
        return DateTime.UtcNow + share;
    }

    /// <summary>Marks the unknown verdicts of a run whose share (<paramref name="slice"/>) ran out before the whole run's time.</summary>
    public static void Mark(List<CheckResult> results, DateTime? slice, DateTime? deadline)
    {
        if (slice is not { } s || deadline is not { } end || s >= end - Least || DateTime.UtcNow < s - TimeSpan.FromMilliseconds(50))
        {
            return;
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Verdict == Verdict.Unknown)
            {
                results[i] = results[i] with { OutOfTime = true };
            }
        }
    }

    /// <summary>Gives the verdicts left unknown by a spent share further turns, while time is left.</summary>
    public static void Revisit(Model model, IEngine engine, IReadOnlyList<Variant> variants, IReadOnlyList<PropertyDef> properties, List<List<CheckResult>> results, CheckOptions options)
    {
        for (var round = 0; round < MaxRounds && options.Deadline is { } end && end - DateTime.UtcNow > Least; round++)
        {
            var open = Enumerable.Range(0, variants.Count).Where(i => results[i].Any(r => r.OutOfTime)).ToList();
            if (open.Count == 0)
            {
                return;
            }

            for (var n = 0; n < open.Count; n++)
            {
                var i = open[n];
                var unknown = results[i].Where(r => r.OutOfTime).Select(r => r.Property).ToHashSet();
                var again = properties.Where(p => unknown.Contains(p.Name)).ToList();
                var slice = Slice(options.Deadline, open.Count - n);
                var rerun = engine.Check(model, variants[i], again, options with { CheckDeadlock = unknown.Contains(Model.DeadlockProperty), Deadline = slice }).ToList();
                Mark(rerun, slice, options.Deadline);
                for (var k = 0; k < results[i].Count; k++)
                {
                    if (results[i][k].OutOfTime && rerun.FirstOrDefault(r => r.Property == results[i][k].Property && r.Verdict != Verdict.NotChecked) is { } newer)
                    {
                        results[i][k] = newer;
                    }
                }
            }
        }
    }
}
