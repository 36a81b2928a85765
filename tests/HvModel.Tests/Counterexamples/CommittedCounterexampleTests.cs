using System.Text.Json;
using HvModel.Cli;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Traces;

namespace HvModel.Tests.Counterexamples;

/// <summary>The files in counterexamples/ are current, and each one replays against the model.</summary>
public class CommittedCounterexampleTests
{
    private static readonly string Folder = Repo.Path("counterexamples");

    [Fact]
    public void Committed_files_are_current()
    {
        var expected = CounterexamplesCommand.Expected();
        var present = Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order().ToList();

        Assert.Equal(expected.Keys.ToList(), present);
        foreach (var (name, text) in expected)
        {
            Assert.True(text == File.ReadAllText(Path.Combine(Folder, name)), $"{name} is stale: run 'dotnet run --project src/HvModel.Cli -- counterexamples'");
        }
    }

    [Fact]
    public void The_manifest_lists_exactly_the_committed_files()
    {
        var folder = CounterexampleFolder.Open(Folder, forWriting: false, out var error);

        Assert.Null(error);
        Assert.Equal(CounterexamplesCommand.Expected().Keys.ToList(), folder!.FilesOf("hv_pci_msi").Order(StringComparer.Ordinal).ToList());
        Assert.All(folder.Entries, e => Assert.Equal("hv_pci_msi", e.Key));
    }

    public static TheoryData<string> JsonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.json").Order())
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void Every_committed_counterexample_replays(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var root = doc.RootElement;
        var constants = ConstantsJsonReader.Read(root.GetProperty("constants"));
        var model = Check.LoadFile("properties/hv-pci-msi.hvp", constants);
        var variant = model.GetVariant(root.GetProperty("variant").GetString()!);
        var property = model.GetProperty(root.GetProperty("property").GetString()!);

        var trace = TraceJsonReader.Read(model, root.GetProperty("trace"));
        var replayed = TraceReplayer.Replay(new Semantics(model, variant), trace, property);

        Assert.Equal(PropertyKind.Invariant, property.Kind);
        Assert.Equal(root.GetProperty("length").GetInt32(), replayed.Length);
    }

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void Constants_have_the_JSON_types_of_check_format_json(string file)
    {
        // One JSON type per constant everywhere: the same object as the frame of every report
        // of the same configuration (the flagship's defaults, as the golden report has them).
        using var committed = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        using var report = JsonDocument.Parse(File.ReadAllText(Repo.Path("tests", "golden", "hv-pci-msi", "check.json")).Replace("\"seconds\": #", "\"seconds\": 0", StringComparison.Ordinal));

        Assert.Equal(report.RootElement.GetProperty("constants").GetRawText(), committed.RootElement.GetProperty("constants").GetRawText());
        Assert.Equal(JsonValueKind.Number, committed.RootElement.GetProperty("constants").GetProperty("CPUS").ValueKind);
        Assert.Equal(JsonValueKind.False, committed.RootElement.GetProperty("constants").GetProperty("MANAGED").ValueKind);
    }
}
