using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Reports;

/// <summary>
/// The machine-readable report. Field names are a contract (README, architecture.md): scripts
/// and benchmarks read them. Written field by field so their order is fixed.
/// </summary>
public static class JsonReport
{
    /// <summary>The report of a run: the frame, then <c>results</c> and an empty <c>errors</c>.</summary>
    public static string Render(Model model, IReadOnlyList<CheckResult> results, ReportHeader header, IReadOnlyList<LivenessResult>? liveness = null) => JsonFrame.Document(header, model, w =>
    {
        w.WriteStartArray("results");
        foreach (var r in results)
        {
            WriteResult(w, model, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("liveness");
        foreach (var r in liveness ?? [])
        {
            WriteLiveness(w, model, r);
        }

        w.WriteEndArray();
        w.WriteStartArray("errors");
        w.WriteEndArray();
    });

    /// <summary>
    /// The document of a run that failed: the same frame as a report (<c>model</c> and
    /// <c>constants</c> when a model was loaded, no settings), no results, and the <c>errors</c>,
    /// each with its location and, for a model error at run time, the trace in the same form as
    /// a result's.
    /// </summary>
    public static string RenderErrors(ReportHeader header, Model? model, IReadOnlyList<ReportError> errors) => JsonFrame.Document(header, model, w =>
    {
        w.WriteStartArray("results");
        w.WriteEndArray();
        w.WriteStartArray("errors");
        foreach (var e in errors)
        {
            WriteError(w, model, e);
        }

        w.WriteEndArray();
    });

    private static void WriteError(Utf8JsonWriter w, Model? model, ReportError e)
    {
        w.WriteStartObject();
        w.WriteString("kind", e.Kind);
        w.WriteString("message", e.Message);
        w.WriteString("file", e.Span?.File);
        if (e.Span is { Line: > 0 } span)
        {
            w.WriteNumber("line", span.Line);
            w.WriteNumber("column", span.Column);
        }
        else
        {
            w.WriteNull("line");
            w.WriteNull("column");
        }

        w.WriteString("variant", e.Variant);
        w.WriteString("step", e.Step);
        if (e.Trace is { } trace && model is not null)
        {
            WriteTrace(w, model, trace);
        }
        else
        {
            w.WriteNull("trace");
        }

        w.WriteEndObject();
    }

    public static void WriteResult(Utf8JsonWriter w, Model model, CheckResult r)
    {
        w.WriteStartObject();
        w.WriteString("variant", r.Variant);
        w.WriteString("property", r.Property);
        w.WriteString("kind", r.Kind == PropertyKind.Cover ? "cover" : "invariant");
        w.WriteString("engine", r.Engine);
        w.WriteString("verdict", VerdictWords.Json(r.Verdict));
        if (r.CollisionProbability is { } p)
        {
            // Only under --fingerprint: the chance that a collision hid a state and this verdict is wrong.
            w.WriteNumber("collision_probability", p);
        }

        w.WriteString("expected", VerdictWords.Json(r.Expected));
        w.WriteBoolean("differs", r.Differs);
        w.WriteNumber("states", r.States);
        w.WriteNumber("transitions", r.Transitions);
        if (r.Complete is { } complete)
        {
            // Whether states and transitions count the whole reachable state space.
            w.WriteBoolean("complete", complete);
        }
        else
        {
            w.WriteNull("complete");
        }

        w.WriteNumber("depth", r.Depth);
        w.WriteNumber("seconds", Math.Round(r.Seconds, 3));
        w.WriteString("reason", r.Reason);
        w.WriteString("certificate", r.Certificate);
        if (r.Trace is null)
        {
            w.WriteNull("trace");
        }
        else
        {
            WriteTrace(w, model, r.Trace);
            if (r.Trace.Unconfirmed is { } why)
            {
                // Only when the replay ran out of time checking the first state (see Trace.Unconfirmed).
                w.WriteString("trace_unconfirmed", why);
            }
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// A liveness verdict: <c>{"variant", "property", "form", "description", "verdict", "expected",
    /// "differs", "symmetry", "states", "seconds", "reason", "cycle_start", "trace"}</c>;
    /// <c>symmetry</c> says whether the graph was explored with it (<c>states</c> then counts
    /// representatives); <c>cycle_start</c> is the step the cycle returns to, null when the
    /// behaviour stops at the trace's end.
    /// </summary>
    private static void WriteLiveness(Utf8JsonWriter w, Model model, LivenessResult r)
    {
        w.WriteStartObject();
        w.WriteString("variant", r.Variant);
        w.WriteString("property", r.Property.Name);
        w.WriteString("form", FormName(r.Property.Form));
        w.WriteString("description", r.Property.Description);
        w.WriteString("verdict", VerdictWords.Json(r.Verdict));
        w.WriteString("expected", VerdictWords.Json(r.Expected));
        w.WriteBoolean("differs", r.Differs);
        w.WriteBoolean("symmetry", r.Symmetry);
        w.WriteNumber("states", r.States);
        w.WriteNumber("seconds", Math.Round(r.Seconds, 3));
        w.WriteString("reason", r.Reason);
        if (r.Lasso is { } lasso)
        {
            if (r.CycleStart is { } c)
            {
                w.WriteNumber("cycle_start", c);
            }
            else
            {
                w.WriteNull("cycle_start");
            }

            WriteTrace(w, model, lasso);
        }
        else
        {
            w.WriteNull("cycle_start");
            w.WriteNull("trace");
        }

        w.WriteEndObject();
    }

    /// <summary>A liveness form's name in JSON.</summary>
    public static string FormName(LivenessForm form) => form switch
    {
        LivenessForm.LeadsTo => "leadsto",
        LivenessForm.AlwaysEventually => "always_eventually",
        LivenessForm.Eventually => "eventually",
        _ => "eventually_always",
    };

    public static void WriteTrace(Utf8JsonWriter w, Model model, Trace trace)
    {
        w.WriteStartArray("trace");
        foreach (var step in trace.Steps)
        {
            w.WriteStartObject();
            if (step.Action is null)
            {
                w.WriteNull("action");
            }
            else
            {
                w.WriteString("action", step.Action.Name);
            }

            w.WriteStartObject("args");
            for (var i = 0; i < step.Args.Length; i++)
            {
                var p = step.Action!.Parameters[i];
                w.WritePropertyName(p.Name);
                WriteScalar(w, p.Domain, step.Args[i]);
            }

            w.WriteEndObject();
            w.WriteString("calls", step.Action?.Calls);
            w.WriteStartArray("notes");
            foreach (var n in step.Notes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            w.WriteStartObject("state");
            foreach (var v in model.Vars)
            {
                w.WritePropertyName(v.Name);
                WriteStored(w, v.Type, step.State, v.FirstSlot);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStored(Utf8JsonWriter w, HvType type, IReadOnlyList<int> state, int first)
    {
        if (type is ScalarType s)
        {
            WriteScalar(w, s, state[first]);
            return;
        }

        var a = (ArrayType)type;
        var width = Types.SlotCount(a.Element);
        w.WriteStartObject();
        for (var k = 0; k < a.Index.Count; k++)
        {
            w.WritePropertyName(a.Index.Format(a.Index.ValueAt(k)));
            WriteStored(w, a.Element, state, first + (k * width));
        }

        w.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter w, ScalarType type, int value)
    {
        switch (type)
        {
            case BoolType:
                w.WriteBooleanValue(value != 0);
                break;
            case RangeType:
                w.WriteNumberValue(value);
                break;
            default:
                w.WriteStringValue(type.Format(value));
                break;
        }
    }
}
