using System.Text.Json.Nodes;

namespace HvModel.Tests.Schema;

/// <summary>
/// The schema is strict enough to be a contract: a renamed field, a value of the wrong type or
/// a verdict word not in the table fails, and every error names where in the document it is.
/// </summary>
public class SchemaStrictnessTests
{
    private static JsonNode Golden(string name) =>
        JsonNode.Parse(CommittedJsonTests.Unmask(File.ReadAllText(Repo.Path("tests", "golden", name))))!;

    private static void AssertFailsAt(string json, string pointer, string because)
    {
        var errors = ReportSchema.Errors(json);

        Assert.NotEmpty(errors);
        Assert.True(errors.Any(e => e.StartsWith(pointer + ":", StringComparison.Ordinal)), $"{because}: no error names {pointer}:\n  {string.Join("\n  ", errors)}");
    }

    [Fact]
    public void A_renamed_field_fails_naming_the_object_and_the_field()
    {
        var doc = Golden("refcount/check.json");
        var result = doc["results"]![0]!.AsObject();
        var verdict = result["verdict"]!.DeepClone();
        result.Remove("verdict");
        result["outcome"] = verdict;

        var errors = ReportSchema.Errors(doc.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith("/results/0:", StringComparison.Ordinal) && e.Contains("verdict", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/results/0/outcome:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_type_fails_naming_its_path()
    {
        var doc = Golden("refcount/check.json");
        doc["results"]![0]!["states"] = "1315";

        AssertFailsAt(doc.ToJsonString(), "/results/0/states", "a count written as a string");
    }

    [Theory]
    [InlineData("refcount/check.json", "/results/0/verdict")]
    [InlineData("refcount/check.json", "/results/0/expected")]
    [InlineData("hv-pci-msi/diff.json", "/verdicts/0/b")]
    [InlineData("hv-pci-msi/ablate.json", "/subsets/0/verdicts/deliverable")]
    public void A_verdict_word_not_in_the_table_fails_naming_its_path(string golden, string pointer)
    {
        var doc = Golden(golden);
        var parts = pointer.Split('/')[1..];
        var parent = parts[..^1].Aggregate(doc, (node, p) => int.TryParse(p, out var i) ? node[i]! : node[p]!);
        parent[parts[^1]] = "passed";

        AssertFailsAt(doc.ToJsonString(), pointer, "'passed' is no verdict word");
    }

    [Fact]
    public void A_constant_that_is_neither_number_boolean_nor_name_fails()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Repo.Path("counterexamples", "pre.no_stuck_mask.json")))!;
        doc["constants"]!["CPUS"] = new JsonArray(2);

        AssertFailsAt(doc.ToJsonString(), "/constants/CPUS", "a constant as an array");
    }

    [Fact]
    public void A_part_of_a_document_is_checked_against_its_definition()
    {
        var result = Golden("refcount/check.json")["results"]![0]!;

        Assert.Empty(ReportSchema.Errors(result.ToJsonString(), "result"));
        result["differs"] = "no";
        var errors = ReportSchema.Errors(result.ToJsonString(), "result");

        Assert.StartsWith("/differs: ", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_an_error_of_the_document()
    {
        Assert.StartsWith("(document): not JSON", Assert.Single(ReportSchema.Errors("{\"tool\": ")), StringComparison.Ordinal);
    }

    public static TheoryData<string> Documents() =>
    [
        .. CommittedJsonTests.GoldenNames().Select(name => "tests/golden/" + name),
        "counterexamples/pre.no_stuck_mask.json",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_field_renamed_or_retyped_fails_naming_its_path(string file)
    {
        var doc = JsonMutations.Pruned(JsonNode.Parse(CommittedJsonTests.Unmask(File.ReadAllText(Repo.Path(file))))!);
        ReportSchema.AssertValid(doc.ToJsonString(), $"{file} cut to two items per array");

        var missed = new List<string>();
        foreach (var field in JsonMutations.Fields(doc))
        {
            // A renamed field is refused where it stands (not allowed) or in its object (required).
            var renamed = ReportSchema.Errors(JsonMutations.Renamed(doc, field));
            if (!renamed.Any(e => e.StartsWith(field.Pointer + ":", StringComparison.Ordinal) || e.StartsWith(field.Pointer + "_renamed:", StringComparison.Ordinal) || e.StartsWith((field.Parent.Length == 0 ? "(document)" : field.Parent) + ":", StringComparison.Ordinal)))
            {
                missed.Add($"{field.Pointer} renamed: {(renamed.Count == 0 ? "valid" : string.Join("; ", renamed))}");
            }

            var retyped = ReportSchema.Errors(JsonMutations.Retyped(doc, field));
            if (!retyped.Any(e => e.StartsWith(field.Pointer + ":", StringComparison.Ordinal)))
            {
                missed.Add($"{field.Pointer} ({field.Kind}) retyped: {(retyped.Count == 0 ? "valid" : string.Join("; ", retyped))}");
            }
        }

        Assert.True(missed.Count == 0, $"{file}: the schema does not catch, by path:\n  {string.Join("\n  ", missed)}");
    }
}
