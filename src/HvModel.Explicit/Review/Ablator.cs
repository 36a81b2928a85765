using System.Collections.Immutable;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Explicit.Review;

/// <summary>
/// Checks every subset of a variant's hunks with the explicit engine (all invariants, and
/// deadlock where the model checks it, in one exhaustive run per subset, which also records the
/// actions that fire so that a subset that fixes only by disabling an action is told apart).
/// </summary>
public static class Ablator
{
    /// <summary>More hunks than this would mean more runs than a review wants to wait for.</summary>
    public const int MaxHunks = 8;

    public static Ablation Run(Model model, Variant full, CheckOptions options)
    {
        var invariants = model.Properties.Where(p => p.Kind == PropertyKind.Invariant).ToImmutableArray();
        var deadlock = model.ChecksDeadlock(full.Name);
        // The subsets are variants of their own, named by their hunks: deadlock is checked in
        // each exactly when it is in the variant taken apart.
        var checkedModel = deadlock ? model with { AllowDeadlock = false } : model;
        var columns = invariants.Select(p => p.Name).ToImmutableArray();
        columns = deadlock ? columns.Add(Model.DeadlockProperty) : columns;
        var rows = ImmutableArray.CreateBuilder<AblationRow>();
        HashSet<string>? firedWithout = null;
        Verdict deadlockWithout = Verdict.Holds;
        foreach (var subset in Subsets(full.Hunks))
        {
            var variant = new Variant(Label(subset), subset, "", full.Span);
            var fired = new FiredActions();
            var engine = new ExplicitEngine { Observer = fired };
            var results = engine.Check(checkedModel, variant, invariants, options with { CheckDeadlock = deadlock, Exhaustive = true, Progress = null });
            var verdicts = results.ToImmutableDictionary(r => r.Property, r => r.Verdict);
            var complete = results.All(r => r.Complete == true);
            var dead = verdicts.GetValueOrDefault(Model.DeadlockProperty, Verdict.Holds);
            firedWithout ??= fired.Names;
            if (subset.IsEmpty)
            {
                deadlockWithout = dead;
            }

            var degenerate = !complete
                ? []
                : firedWithout.Where(a => !fired.Names.Contains(a)).Order(StringComparer.Ordinal).Select(a => $"{a} never fires")
                    .Concat(dead == Verdict.Violated && deadlockWithout == Verdict.Holds ? ["a deadlock is new"] : [])
                    .ToImmutableArray();
            rows.Add(new AblationRow(subset, verdicts)
            {
                Reason = results.FirstOrDefault(r => r.Verdict == Verdict.Unknown)?.Reason,
                Degenerate = degenerate,
            });
        }

        return new Ablation(full, columns, rows.ToImmutable());
    }

    private static IEnumerable<ImmutableArray<Hunk>> Subsets(ImmutableArray<Hunk> hunks)
    {
        for (var mask = 0; mask < 1 << hunks.Length; mask++)
        {
            yield return [.. hunks.Where((_, i) => (mask & (1 << i)) != 0)];
        }
    }

    private static string Label(ImmutableArray<Hunk> subset) => subset.IsEmpty ? "{}" : string.Join("+", subset.Select(h => h.Name));

    /// <summary>The names of the actions that fire in some reachable state.</summary>
    private sealed class FiredActions : IExplorationObserver
    {
        public HashSet<string> Names { get; } = [];

        public void DiscoverState(int index, int predecessor, int depth, ReadOnlySpan<int> state)
        {
        }

        public void ExamineTransition(int from, int to, ActionDef action, ReadOnlySpan<int> args) => Names.Add(action.Name);
    }
}
