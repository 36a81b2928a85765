using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Traces;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// Reads a path out of the solver's model after a sat answer: the value of every slot of every
/// state, the action selector of every step and the chosen action's parameters. An answer that
/// lacks a value, or gives one that is not a value, is the solver's failure
/// (<see cref="SolverException"/>), never a crash; values that are wrong but well formed are
/// caught when the trace is replayed.
/// </summary>
internal static class TraceDecoder
{
    public static Trace Decode(Unrolling path, int depth)
    {
        var model = path.Encoder.Model;
        var names = new List<string>();
        for (var k = 0; k <= depth; k++)
        {
            names.AddRange(path.States[k]);
        }

        for (var k = 0; k < depth; k++)
        {
            var step = path.Steps[k];
            names.Add(step.Selector!);
            foreach (var ps in step.Parameters)
            {
                names.AddRange(ps.Where(p => p.Const is null).Select(p => p.Term));
            }
        }

        var values = new Dictionary<string, int>();
        if (names.Count > 0)
        {
            // Asked in chunks: one huge get-value line is no faster and harder to read in a dump.
            foreach (var chunk in names.Chunk(200))
            {
                var text = path.Solver.Query($"(get-value ({string.Join(' ', chunk)}))");
                try
                {
                    foreach (var pair in Sexp.Parse(text).Items)
                    {
                        if (pair.Items.Count == 2 && pair.Items[0].Atom is { } name)
                        {
                            values[name] = pair.Items[1].ToValue();
                        }
                    }
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    throw new SolverException($"the solver's values are not values: {e.Message}");
                }
            }

            if (names.FirstOrDefault(n => !values.ContainsKey(n)) is { } missing)
            {
                throw new SolverException($"the solver's model has no value for {missing}");
            }
        }

        var steps = ImmutableArray.CreateBuilder<TraceStep>();
        for (var k = 0; k <= depth; k++)
        {
            var state = path.States[k].Select(n => values[n]).ToArray();
            if (k == 0)
            {
                steps.Add(TraceStep.Initial(state));
                continue;
            }

            var step = path.Steps[k - 1];
            var a = values[step.Selector!];
            if (a < 0 || a >= model.Actions.Length)
            {
                throw new SolverException($"the solver's model takes action {a}, which does not exist");
            }

            var action = model.Actions[a];
            var args = step.Parameters[a].Select(p => p.Const ?? values[p.Term]).ToImmutableArray();
            steps.Add(new TraceStep(action, args, [.. state], []));
        }

        return new Trace(steps.ToImmutable());
    }
}
