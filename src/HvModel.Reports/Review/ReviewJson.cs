using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HvModel.Core.Ir;

namespace HvModel.Reports.Review;

/// <summary>
/// The frame every review document (diff, ablate, gate) shares with <c>check --format json</c>:
/// the tool, the model, its source and constants, then the document's own fields.
/// </summary>
public static class ReviewJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Document(Model model, ReportHeader header, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteString("name", header.Tool);
            w.WriteString("version", header.Version);
            w.WriteString("solver", header.Solver);
            w.WriteEndObject();
            w.WriteString("model", model.Name);
            w.WriteString("source", model.SourceFile);
            w.WriteStartObject("constants");
            foreach (var c in model.Constants)
            {
                w.WritePropertyName(c.Name);
                switch (c.Type)
                {
                    case BoolType:
                        w.WriteBooleanValue(c.Value != 0);
                        break;
                    case RangeType or IntType:
                        w.WriteNumberValue(c.Value);
                        break;
                    default:
                        w.WriteStringValue(c.Display);
                        break;
                }
            }

            w.WriteEndObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A string array property.</summary>
    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
