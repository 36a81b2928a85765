using System.Collections.Immutable;
using HvModel.Core.Evaluation;
using HvModel.Core.Traces;

namespace HvModel.Explicit;

/// <summary>
/// Rebuilds a concrete trace to a stored state (as TLC does): the predecessor links give the
/// canonical states on a shortest path, and re-running the model finds, at each step, the first
/// action instance whose successor has the next canonical form. The trace can therefore never
/// disagree with the semantics, symmetry reduction or not.
/// </summary>
internal sealed class TraceBuilder(Semantics semantics, StateCodec codec, Symmetry? symmetry, StateStore store)
{
    public Trace Build(int target)
    {
        var path = new List<int>();
        for (var i = target; i >= 0; i = store.Predecessor(i))
        {
            path.Add(i);
        }

        path.Reverse();
        var steps = ImmutableArray.CreateBuilder<TraceStep>();
        int[]? current = null;
        semantics.InitialStates(s =>
        {
            if (current is null && Matches(s, path[0]))
            {
                current = (int[])s.Clone();
            }
        });
        if (current is null)
        {
            throw new TraceReplayException("no initial state matches the stored root of the trace");
        }

        steps.Add(TraceStep.Initial(current));
        for (var k = 1; k < path.Count; k++)
        {
            TraceStep? step = null;
            semantics.Successors(current, (action, args, next) =>
            {
                if (step is null && Matches(next, path[k]))
                {
                    step = new TraceStep(action, [.. args], [.. next], []);
                }
            });
            if (step is null)
            {
                throw new TraceReplayException($"step {k}: no successor matches the stored state");
            }

            steps.Add(step);
            current = [.. step.State];
        }

        return new Trace(steps.ToImmutable());
    }

    private bool Matches(int[] state, int index)
    {
        var copy = (int[])state.Clone();
        symmetry?.Canonicalize(copy);
        var packed = new ulong[codec.Words];
        codec.Pack(copy, packed);
        return store.Get(index).SequenceEqual(packed);
    }
}
