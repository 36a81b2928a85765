using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace HvModel.Tests.Schema;

/// <summary>
/// The committed JSON Schema of every document hvmodel writes (<c>docs/schema/hvmodel.schema.json</c>),
/// loaded once, and the check the CLI runners apply to any standard output that is a JSON
/// document: so a test that prints JSON is validated without asking for it.
/// </summary>
public static class ReportSchema
{
    public static string FilePath { get; } = Repo.Path("docs", "schema", "hvmodel.schema.json");

    // The schema's own registry: a part of a document is validated against one of its $defs by
    // a schema that refers to it by the $id.
    private static readonly BuildOptions Options = new();

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(FilePath, Options));

    private static readonly ConcurrentDictionary<string, JsonSchema> Definitions = new(StringComparer.Ordinal);

    /// <summary>The parsed schema file, for tests that read its tables (enums, required fields).</summary>
    public static JsonElement Root { get; } = JsonDocument.Parse(File.ReadAllText(FilePath)).RootElement;

    /// <summary>
    /// Every way <paramref name="json"/> breaks the schema, each as <c>PATH: message</c>, where
    /// PATH is the JSON Pointer of the offending value (<c>/results/0/verdict</c>; the whole
    /// document is <c>(document)</c>); empty when it is valid. A text that does not parse gives
    /// one error saying where. With <paramref name="definition"/>, the text is checked as that
    /// part of a document (<c>result</c>, <c>trace</c>) instead of as a whole one.
    /// </summary>
    public static IReadOnlyList<string> Errors(string json, string? definition = null)
    {
        var schema = definition is null ? Schema.Value : Definitions.GetOrAdd(definition, d =>
        {
            _ = Schema.Value;
            return JsonSchema.FromText($$"""{"$ref": "{{Root.GetProperty("$id").GetString()}}#/$defs/{{d}}"}""", Options);
        });

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [$"(document): not JSON: {e.Message}"];
        }

        using (doc)
        {
            var results = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            if (results.IsValid)
            {
                return [];
            }

            var errors = new List<string>();
            Collect(results, errors);
            return errors.Count > 0 ? errors : ["(document): invalid, with no error message from the validator"];
        }
    }

    /// <summary>
    /// The errors of the failing subschemas only: a failed <c>if</c> only picks the document's
    /// kind, and the failed branches of an <c>anyOf</c> that holds are no error, but the list
    /// output of the validator keeps both. Each error is named by where in the document it
    /// failed, the path a reader needs, then where in the schema.
    /// </summary>
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid || node.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var (_, message) in node.Errors ?? new Dictionary<string, string>())
        {
            var at = node.InstanceLocation.ToString();
            errors.Add($"{(at.Length == 0 ? "(document)" : at)}: {message} (schema {node.EvaluationPath})");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }

    /// <summary>
    /// Fails with every error, each with its path, when <paramref name="json"/> breaks the schema,
    /// or the schema's <c>$defs/<paramref name="definition"/></c> for a part of a document.
    /// </summary>
    public static void AssertValid(string json, string what, string? definition = null)
    {
        var errors = Errors(json, definition);
        Assert.True(errors.Count == 0, $"{what} does not match {Path.GetFileName(FilePath)}:\n  {string.Join("\n  ", errors)}");
    }

    /// <summary>
    /// What the CLI runners call on every standard output: a text that starts as a JSON object
    /// is one of hvmodel's documents (its text reports never start with a brace) and must match.
    /// </summary>
    public static void AssertValidIfJson(string stdout, IEnumerable<string> args)
    {
        if (stdout.TrimStart().StartsWith('{'))
        {
            AssertValid(stdout, $"the output of hvmodel {string.Join(' ', args)}");
        }
    }
}
