using System.Collections.Immutable;
using System.Text.Json;
using HvModel.Core.Ir;

namespace HvModel.Core.Traces;

/// <summary>
/// Reads a trace back from the JSON the reports write (the "trace" array), so that committed
/// counterexamples can be replayed against the current model.
/// </summary>
public static class TraceJsonReader
{
    public static Trace Read(Model model, JsonElement traceArray)
    {
        var steps = ImmutableArray.CreateBuilder<TraceStep>();
        foreach (var step in traceArray.EnumerateArray())
        {
            var state = new int[model.Slots.Length];
            var stateJson = step.GetProperty("state");
            foreach (var v in model.Vars)
            {
                ReadStored(v.Type, stateJson.GetProperty(v.Name), state, v.FirstSlot);
            }

            var actionJson = step.GetProperty("action");
            if (actionJson.ValueKind == JsonValueKind.Null)
            {
                steps.Add(TraceStep.Initial(state));
                continue;
            }

            var name = actionJson.GetString();
            var action = model.Actions.FirstOrDefault(a => a.Name == name)
                ?? throw new TraceReplayException($"the model has no action '{name}'");
            var argsJson = step.GetProperty("args");
            var args = action.Parameters.Select(p => Scalar(p.Domain, argsJson.GetProperty(p.Name))).ToArray();
            steps.Add(new TraceStep(action, [.. args], [.. state], []));
        }

        return new Trace(steps.ToImmutable());
    }

    private static void ReadStored(HvType type, JsonElement json, int[] state, int first)
    {
        if (type is ScalarType s)
        {
            state[first] = Scalar(s, json);
            return;
        }

        var a = (ArrayType)type;
        var width = Types.SlotCount(a.Element);
        for (var k = 0; k < a.Index.Count; k++)
        {
            ReadStored(a.Element, json.GetProperty(a.Index.Format(a.Index.ValueAt(k))), state, first + (k * width));
        }
    }

    private static int Scalar(ScalarType type, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.False:
                return 0;
            case JsonValueKind.Number:
                return json.GetInt32();
            default:
                var text = json.GetString();
                foreach (var value in type.Values())
                {
                    if (type.Format(value) == text)
                    {
                        return value;
                    }
                }

                throw new TraceReplayException($"'{text}' is not a value of {type.Display}");
        }
    }
}
