using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// The frame every JSON document of hvmodel starts with, written in one place: <c>{"tool":
/// {"name", "version", "solver"}, "model", "source", "constants": {NAME: VALUE}, "settings":
/// {"engine", ...}}</c>, then the document's own fields. Field names are a contract (README,
/// architecture.md); they are written one by one so that their order is fixed too.
/// </summary>
public static class JsonFrame
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole document: the frame, then <paramref name="body"/>'s fields. <paramref name="model"/> is null when none was loaded.</summary>
    public static string Document(ReportHeader header, Model? model, Action<Utf8JsonWriter> body)
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
            w.WriteString("model", model?.Name);
            w.WriteString("source", model?.SourceFile);
            Constants(w, model);
            Settings(w, header);
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

    /// <summary>
    /// The <c>constants</c> object, <c>{NAME: VALUE}</c>, empty when no model was loaded. Every
    /// document that gives constants writes them here, so a constant has one JSON type
    /// everywhere (the committed counterexample files too).
    /// </summary>
    public static void Constants(Utf8JsonWriter w, Model? model)
    {
        w.WriteStartObject("constants");
        foreach (var c in model?.Constants ?? [])
        {
            w.WritePropertyName(c.Name);
            Constant(w, c);
        }

        w.WriteEndObject();
    }

    /// <summary>A constant's value with its JSON type: booleans and numbers as such, enumerations by name.</summary>
    private static void Constant(Utf8JsonWriter w, Constant c)
    {
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

    private static void Settings(Utf8JsonWriter w, ReportHeader header)
    {
        if (header.Engine is null)
        {
            // No run was made: there are no settings to tell, not empty ones.
            w.WriteNull("settings");
            return;
        }

        w.WriteStartObject("settings");
        w.WriteString("engine", header.Engine);
        foreach (var s in header.Settings)
        {
            if (s.Number is { } n)
            {
                w.WriteNumber(s.Name, n);
            }
            else
            {
                w.WriteString(s.Name, s.Words);
            }
        }

        w.WriteEndObject();
    }
}
