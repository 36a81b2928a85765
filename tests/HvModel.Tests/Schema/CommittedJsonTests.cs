using Json.Schema;

namespace HvModel.Tests.Schema;

/// <summary>
/// The schema is itself a valid draft 2020-12 schema, and every committed JSON document matches
/// it: the golden reports (timings unmasked) and the counterexample files. What the test suite
/// prints as it runs is validated by the CLI runners (see <see cref="ReportSchema.AssertValidIfJson"/>).
/// </summary>
public class CommittedJsonTests
{
    [Fact]
    public void The_schema_is_a_draft_2020_12_schema()
    {
        var results = MetaSchemas.Draft202012.Evaluate(ReportSchema.Root, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    /// <summary>Every golden JSON report, by its name under tests/golden/ (<c>refcount/check.json</c>).</summary>
    public static IEnumerable<string> GoldenNames() =>
        Directory.GetFiles(Repo.Path("tests", "golden"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Path("tests", "golden"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> GoldenFiles() => [.. GoldenNames()];

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Every_golden_JSON_report_matches_the_schema(string name)
    {
        ReportSchema.AssertValid(Unmask(File.ReadAllText(Repo.Path("tests", "golden", name))), $"tests/golden/{name}");
    }

    public static TheoryData<string> CounterexampleFiles() =>
        [.. Directory.GetFiles(Repo.Path("counterexamples"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CounterexampleFiles))]
    public void Every_committed_counterexample_matches_the_schema(string file)
    {
        ReportSchema.AssertValid(File.ReadAllText(Repo.Path("counterexamples", file)), $"counterexamples/{file}");
    }

    /// <summary>A golden file with its masked timings (<c>"seconds": #</c>, see ReportMask) made numbers again.</summary>
    public static string Unmask(string golden) => golden.Replace("seconds\": #", "seconds\": 0", StringComparison.Ordinal);
}
