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

        // The stored representative itself, so that the chosen action instances apply as they
        // are. It is an initial state: one the init block gave, or under symmetry a permutation
        // of one, which the symmetric init block gives too. Not looked for among the init
        // block's outcomes (v3 at 5x4 has 655 million, minutes of interpreting); the replay of
        // the trace checks it is one of them.
        var current = new int[semantics.SlotCount];
        codec.Unpack(store.Get(path[0]), current);

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

    private bool Matches(int[] state, int index, bool exact)
    {
        var packed = new ulong[codec.Words];
        if (!exact && symmetry is not null)
        {
            symmetry.Canonicalize(state, packed);
        }
        else
        {
            codec.Pack(state, packed);
        }

        return store.Holds(index, packed);
    }
}
