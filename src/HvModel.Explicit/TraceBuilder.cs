using System.Collections.Immutable;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Explicit;

/// <summary>
/// Rebuilds a concrete trace along a path of stored states (as TLC does): re-running the model
/// finds, at each step, the first successor with the next stored (canonical) form, from the
/// chosen action instance when one is given. The trace can therefore never disagree with the
/// semantics, symmetry reduction or not. A model error met on the way (another instance from a
/// state on the path) is no concern here: the path itself was run without one.
/// </summary>
internal sealed class TraceBuilder(Semantics semantics, StateCodec codec, Symmetry? symmetry, StateStore store)
{
    /// <summary>The trace along predecessor links to <paramref name="target"/>.</summary>
    public Trace Build(int target)
    {
        var path = new List<int>();
        for (var i = target; i >= 0; i = store.Predecessor(i))
        {
            path.Add(i);
        }

        path.Reverse();
        return Build(path, null);
    }

    public Trace Build(IReadOnlyList<int> path, IReadOnlyList<(ActionDef Action, int[] Args)?>? instances)
    {
        var steps = ImmutableArray.CreateBuilder<TraceStep>();
        // Prefer the stored representative itself, so that the chosen action instances apply as they are.
        var current = FirstInitial(s => Matches(s, path[0], exact: true)) ?? FirstInitial(s => Matches(s, path[0], exact: false));
        if (current is null)
        {
            throw new TraceReplayException("no initial state matches the stored root of the trace");
        }

        steps.Add(TraceStep.Initial(current));
        for (var k = 1; k < path.Count; k++)
        {
            TraceStep? step = null;
            var exact = true;
            void Take(ActionDef action, int[] args, int[] next)
            {
                if (step is null && Matches(next, path[k], exact))
                {
                    step = new TraceStep(action, [.. args], [.. next], []);
                }
            }

            if (instances?[k] is { } preferred)
            {
                semantics.Fire(current, preferred.Action, preferred.Args, Take, RunObserver.IgnoringErrors);
            }

            exact = false;

            if (instances?[k] is { } chosen)
            {
                // The instance was chosen on the stored (canonical) state; under symmetry the
                // concrete state may be a permutation of it, and the same action then applies
                // with permuted arguments.
                if (step is null)
                {
                    semantics.Fire(current, chosen.Action, chosen.Args, Take, RunObserver.IgnoringErrors);
                }

                if (step is null)
                {
                    semantics.Successors(current, chosen.Action, Take, RunObserver.IgnoringErrors);
                }
            }

            if (step is null)
            {
                semantics.Successors(current, Take, RunObserver.IgnoringErrors);
            }

            if (step is null)
            {
                throw new TraceReplayException($"step {k}: no successor matches the stored state");
            }

            steps.Add(step);
            current = [.. step.State];
        }

        return new Trace(steps.ToImmutable());
    }

    /// <summary>The first initial state that satisfies <paramref name="match"/>; the enumeration stops there (there may be millions).</summary>
    private int[]? FirstInitial(Func<int[], bool> match)
    {
        try
        {
            semantics.InitialStates(s =>
            {
                if (match(s))
                {
                    throw new FoundInitial((int[])s.Clone());
                }
            });
        }
        catch (FoundInitial found)
        {
            return found.State;
        }

        return null;
    }

    private sealed class FoundInitial(int[] state) : Exception
    {
        public int[] State { get; } = state;
    }

    private bool Matches(int[] state, int index, bool exact = false)
    {
        var copy = (int[])state.Clone();
        if (!exact)
        {
            symmetry?.Canonicalize(copy);
        }

        var packed = new ulong[codec.Words];
        codec.Pack(copy, packed);
        return store.Holds(index, packed);
    }
}
