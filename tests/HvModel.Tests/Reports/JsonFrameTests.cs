using System.Text.Json;
using System.Text.RegularExpressions;
using HvModel.Tests.Golden;

namespace HvModel.Tests.Reports;

/// <summary>Every JSON document starts with the one frame: tool, model, source, constants (typed alike), settings.</summary>
[Collection(nameof(ConsoleCollection))]
public class JsonFrameTests
{
    private const string Refcount = "tests/models/violated/refcount.hvm";

    public static TheoryData<string[]> Documents() => new()
    {
        new[] { "check", Refcount },
        new[] { "diff", "buggy", "fixed", Refcount },
        new[] { "ablate", Refcount },
        new[] { "gate", Refcount },
        new[] { "check", Refcount, "--variant", "nope" },
        new[] { "prove", "tests/models/prove/lock.hvm" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_JSON_document_starts_with_the_same_frame(string[] command)
    {
        var r = InProcessCli.Run([.. command, "--format", "json"]);

        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["tool", "model", "source", "constants", "settings"], root.EnumerateObject().Take(5).Select(p => p.Name));
        Assert.Equal(["name", "version", "solver"], root.GetProperty("tool").EnumerateObject().Select(p => p.Name));
        Assert.Equal("hvmodel", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.EndsWith(".hvm", root.GetProperty("source").GetString());
        foreach (var c in root.GetProperty("constants").EnumerateObject())
        {
            // A size is a number wherever it is written, never "2".
            Assert.Equal(JsonValueKind.Number, c.Value.ValueKind);
        }

        var settings = root.GetProperty("settings");
        if (r.ExitCode == 2)
        {
            // A run that failed before any engine ran has no settings to tell.
            Assert.Equal(JsonValueKind.Null, settings.ValueKind);
        }
        else
        {
            Assert.Equal(command[0] == "prove" ? "prove" : "explicit", settings.GetProperty("engine").GetString());
        }
    }

    [Fact]
    public void The_settings_in_JSON_are_the_ones_the_text_header_prints()
    {
        string[] run = ["check", Refcount, "--max-states", "1000", "--timeout", "30", "--max-memory", "4G"];

        var text = InProcessCli.Run(run).Stdout;
        var json = JsonDocument.Parse(InProcessCli.Run([.. run, "--format", "json"]).Stdout).RootElement.GetProperty("settings");

        Assert.Contains("engine explicit, max-states 1000, symmetry: canonical (members sorted by their rows), timeout 30 s, max-memory 4096 MiB", Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal("explicit", json.GetProperty("engine").GetString());
        Assert.Equal(1000, json.GetProperty("max_states").GetInt64());
        Assert.Equal("canonical (members sorted by their rows)", json.GetProperty("symmetry").GetString());
        Assert.Equal(30, json.GetProperty("timeout_seconds").GetDouble());
        Assert.Equal(4L << 30, json.GetProperty("max_memory_bytes").GetInt64());
    }
}
