using System.Text.Json;
using HvModel.Core.Ir;
using HvModel.Core.Review;

namespace HvModel.Reports.Review;

/// <summary>
/// <c>hvmodel gate --format json</c>: <c>{"tool", "model", "source", "constants", "settings", "states":
/// {VARIANT: N}, "findings": [{"kind", "variant", "subject", "detail", "expected",
/// "reason"}], "unmatched": [{"kind", "subject", "line"}], "incomplete": [...]}</c>.
/// </summary>
public static class GateJsonReport
{
    public static string Render(Model model, GateReport gate, ReportHeader header) => JsonFrame.Document(header, model, w => Write(w, gate));

    public static void Write(Utf8JsonWriter w, GateReport gate)
    {
        w.WriteStartObject("states");
        foreach (var (variant, n) in gate.States)
        {
            w.WriteNumber(variant, n);
        }

        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in gate.Findings)
        {
            w.WriteStartObject();
            w.WriteString("kind", f.KindWord);
            w.WriteString("variant", f.Variant);
            w.WriteString("subject", f.Subject);
            w.WriteString("detail", f.Detail);
            w.WriteBoolean("expected", f.Expected);
            w.WriteString("reason", f.ExpectedBecause);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("unmatched");
        foreach (var e in gate.Unmatched)
        {
            w.WriteStartObject();
            w.WriteString("kind", new GateFinding(e.Kind, "", "", "", null).KindWord);
            w.WriteString("subject", e.Subject);
            w.WriteNumber("line", e.Span.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonFrame.Strings(w, "incomplete", gate.Incomplete.Select(i => i.Key));
    }
}
