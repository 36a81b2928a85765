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
        var arithmetic = path.Encoder.Arithmetic;
        var names = new List<(string Name, ScalarType Type)>();
        for (var k = 0; k <= depth; k++)
        {
            names.AddRange(path.States[k].Select((n, j) => (n, model.Slots[j].Type)));
        }

        for (var k = 0; k < depth; k++)
        {
            var step = path.Steps[k];
            names.Add((step.Selector!, path.Encoder.SelectorType));
            for (var a = 0; a < step.Parameters.Count; a++)
            {
                var ps = step.Parameters[a];
                names.AddRange(ps.Select((p, j) => (p, model.Actions[a].Parameters[j].Domain)).Where(x => x.p.Const is null).Select(x => (x.p.Term, x.Domain)));
            }
        }

        var values = new Dictionary<string, int>();
        if (names.Count > 0)
        {
            // Asked in chunks: one huge get-value line is no faster and harder to read in a dump.
            foreach (var chunk in names.Chunk(200))
            {
                var types = chunk.ToDictionary(x => x.Name, x => x.Type);
                var text = path.Solver.Query($"(get-value ({string.Join(' ', chunk.Select(x => x.Name))}))");
                try
                {
                    foreach (var pair in Sexp.Parse(text).Items)
                    {
                        if (pair.Items.Count == 2 && pair.Items[0].Atom is { } name && types.TryGetValue(name, out var type))
                        {
                            values[name] = arithmetic.Decode(type, pair.Items[1]);
                        }
                    }
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    throw new SolverException($"the solver's values are not values: {e.Message}");
                }
            }

            if (names.FirstOrDefault(n => !values.ContainsKey(n.Name)) is { Name: { } missing })
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
