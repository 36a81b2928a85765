using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Reports;

/// <summary>
/// The committed form of a counterexample: an 80-column text for review mail and a JSON file
/// for tools, both free of timings and versions so that they change only when the model's
/// behaviour does.
/// </summary>
public static class CounterexampleFiles
{
    /// <summary>
    /// The file name stem of a result: <c>variant.property</c>, then the configuration when it is
    /// not the default, so that runs with different constants never overwrite each other. Every
    /// part goes through <see cref="SafeFileName"/>: model text never names a path.
    /// </summary>
    public static string Stem(string variant, string property, string configuration = "") =>
        $"{SafeFileName.Part(variant)}.{SafeFileName.Part(property)}{(configuration.Length == 0 ? "" : "." + SafeFileName.Part(configuration))}";

    /// <summary>The constants whose values differ from the model's defaults, as <c>NAME=VALUE,...</c>; empty for the default configuration.</summary>
    public static string Configuration(Model model, Model defaults) =>
        string.Join(",", model.Constants
            .Where(c => defaults.Constants.FirstOrDefault(d => d.Name == c.Name)?.Display != c.Display)
            .Select(c => c.Assignment));

    public static string Text(Model model, CheckResult r)
    {
        var sb = Heading(model, r.Variant);
        TextReport.Counterexample(sb, model, r);
        return sb.ToString();
    }

    /// <summary>A liveness violation's lasso, under the fairness it assumes.</summary>
    public static string LassoText(Model model, LivenessResult r)
    {
        var sb = Heading(model, r.Variant);
        StateFormatter.AppendWrapped(sb, $"under {LivenessTextReport.Fairness(model)}", 0, TextReport.Width);
        sb.AppendLine();
        LivenessTextReport.Lasso(sb, model, r);
        return sb.ToString();
    }

    /// <summary>The model, its constants and the variant with its hunks, then a blank line.</summary>
    private static StringBuilder Heading(Model model, string variantName)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"model {model.Name} ({model.SourceFile})");
        foreach (var line in StateFormatter.Wrap("constants: " + model.ConstantAssignments, TextReport.Width))
        {
            sb.AppendLine(line);
        }

        var variant = model.GetVariant(variantName);
        var hunks = variant.Hunks.IsEmpty ? "no hunks" : "hunks " + string.Join(", ", variant.Hunks.Select(h => h.Name));
        foreach (var line in StateFormatter.Wrap($"variant {variant.Name}: {variant.Description} ({hunks})", TextReport.Width))
        {
            sb.AppendLine(line);
        }

        sb.AppendLine();
        return sb;
    }

    /// <summary>
    /// The JSON file: the model, its constants written as every report writes them
    /// (<see cref="JsonFrame.Constants"/>), the property and its trace as in <c>check --format json</c>.
    /// </summary>
    public static string Json(Model model, CheckResult r) => Document(w =>
    {
        w.WriteString("model", model.Name);
        JsonFrame.Constants(w, model);
        w.WriteString("variant", r.Variant);
        w.WriteString("property", r.Property);
        w.WriteString("description", model.Properties.FirstOrDefault(p => p.Name == r.Property)?.Description);
        w.WriteString("verdict", VerdictWords.Json(r.Verdict));
        w.WriteNumber("length", r.Trace!.Length);
        JsonReport.WriteTrace(w, model, r.Trace);
    });

    /// <summary>
    /// A lasso's JSON file: as a counterexample's, with the property's form and <c>cycle_start</c>,
    /// the step its cycle returns to (null: the behaviour stops at the trace's end).
    /// </summary>
    public static string LassoJson(Model model, LivenessResult r) => Document(w =>
    {
        w.WriteString("model", model.Name);
        JsonFrame.Constants(w, model);
        w.WriteString("variant", r.Variant);
        w.WriteString("property", r.Property.Name);
        w.WriteString("form", JsonReport.FormName(r.Property.Form));
        w.WriteString("description", r.Property.Description);
        w.WriteString("verdict", VerdictWords.Json(r.Verdict));
        w.WriteNumber("length", r.Lasso!.Length);
        if (r.CycleStart is { } c)
        {
            w.WriteNumber("cycle_start", c);
        }
        else
        {
            w.WriteNull("cycle_start");
        }

        JsonReport.WriteTrace(w, model, r.Lasso);
    });

    private static string Document(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Every file that should be in the counterexamples folder, by name.</summary>
    public static SortedDictionary<string, string> All(Model model, IEnumerable<CheckResult> results, IEnumerable<LivenessResult> liveness, string configuration = "")
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in results.Where(r => r.Kind == PropertyKind.Invariant && r.Verdict == Verdict.Violated && r.Trace is not null))
        {
            files[Stem(r.Variant, r.Property, configuration) + ".txt"] = Text(model, r);
            files[Stem(r.Variant, r.Property, configuration) + ".json"] = Json(model, r);
        }

        // Property names are unique across kinds, so a lasso's files never take a counterexample's name.
        foreach (var r in liveness.Where(r => r.Verdict == Verdict.Violated && r.Lasso is not null))
        {
            files[Stem(r.Variant, r.Property.Name, configuration) + ".txt"] = LassoText(model, r);
            files[Stem(r.Variant, r.Property.Name, configuration) + ".json"] = LassoJson(model, r);
        }

        return files;
    }
}
