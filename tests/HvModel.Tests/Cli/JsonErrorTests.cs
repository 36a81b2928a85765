using System.Text.Json;

namespace HvModel.Tests.Cli;

/// <summary><c>--format json</c> prints one JSON document on stdout even when the run fails; the exit code is unchanged.</summary>
public sealed class JsonErrorTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("hvmodel-json-");

    public void Dispose() => temp.Delete(true);

    private string Model(string text)
    {
        var file = Path.Combine(temp.FullName, "m.hvm");
        File.WriteAllText(file, text);
        return file;
    }

    private static JsonElement SingleError(CliProcess.Outcome r)
    {
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement.Clone();
        Assert.Equal("hvmodel", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Empty(root.GetProperty("results").EnumerateArray());
        return Assert.Single(root.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public void A_model_error_at_run_time_comes_with_location_and_trace()
    {
        var r = CliProcess.Run("check", Model("var x: 0 .. 1 = 0\naction up calls \"inc\" do x := x + 1 end\n"), "--format", "json");

        Assert.Equal(2, r.ExitCode);
        var e = SingleError(r);
        Assert.Equal("runtime", e.GetProperty("kind").GetString());
        Assert.Equal("value 2 assigned to 'x' is out of its range 0..1", e.GetProperty("message").GetString());
        Assert.EndsWith("m.hvm", e.GetProperty("file").GetString());
        Assert.Equal(2, e.GetProperty("line").GetInt32());
        Assert.Equal(26, e.GetProperty("column").GetInt32());
        Assert.Equal("default", e.GetProperty("variant").GetString());
        Assert.Equal("up", e.GetProperty("step").GetString());
        var trace = e.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(2, trace.Count);
        Assert.Equal(JsonValueKind.Null, trace[0].GetProperty("action").ValueKind);
        Assert.Equal("up", trace[1].GetProperty("action").GetString());
        Assert.Equal("inc", trace[1].GetProperty("calls").GetString());
        Assert.Equal(1, trace[1].GetProperty("state").GetProperty("x").GetInt32());
    }

    [Fact]
    public void A_parse_error_comes_with_file_line_and_column()
    {
        var r = CliProcess.Run("check", "tests/models/errors/syntax.hvm", "--format", "json");

        Assert.Equal(2, r.ExitCode);
        var e = SingleError(r);
        Assert.Equal("input", e.GetProperty("kind").GetString());
        Assert.Equal("tests/models/errors/syntax.hvm", e.GetProperty("file").GetString());
        Assert.Equal(3, e.GetProperty("line").GetInt32());
        Assert.Equal(18, e.GetProperty("column").GetInt32());
        Assert.StartsWith("expected an expression", e.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("trace").ValueKind);
    }

    [Theory]
    [InlineData("--max-states", "abc")]
    [InlineData("--bogus", "1")]
    [InlineData("--timeout", "-1")]
    [InlineData("--engine", "magic")]
    [InlineData("--variant", "v9")]
    [InlineData("--const", "CPUS=99")]
    [InlineData("--dump-smt", "")]
    public void An_option_error_is_one_json_document(string option, string value)
    {
        var r = CliProcess.Run("check", "--format", "json", option, value);

        Assert.Equal(2, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        Assert.All(errors, e => Assert.Contains(e.GetProperty("kind").GetString(), new[] { "usage", "input" }));
    }

    [Fact]
    public void A_report_without_errors_has_an_empty_errors_list()
    {
        var r = CliProcess.Run("check", "tests/models/holds/mutex.hvm", "--format=json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Empty(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.NotEmpty(doc.RootElement.GetProperty("results").EnumerateArray());
    }
}
