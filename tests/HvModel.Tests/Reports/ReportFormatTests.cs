using HvModel.Tests.Golden;

namespace HvModel.Tests.Reports;

/// <summary><c>--format</c> is read by one registry: the same names and the same message for a bad value in every command.</summary>
[Collection(nameof(ConsoleCollection))]
public class ReportFormatTests
{
    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "check" },
        new[] { "diff", "pre", "v3" },
        new[] { "ablate" },
        new[] { "gate" },
        new[] { "prove", "tests/models/prove/lock.hvm" },
        new[] { "graph", "tests/models/holds/mutex.hvm" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_format_no_command_has_gets_the_same_message_from_every_command(string[] command)
    {
        var r = InProcessCli.Run([.. command, "--format", "xml"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("hvmodel: error: --format must be one of text, json, html, email, dot, graphml, not 'xml'\n", r.Stderr);
    }

    [Theory]
    [InlineData("gate", "email", "gate has no email report (it has text, json, html)")]
    [InlineData("prove", "email", "prove has no email report (it has text, json)")]
    [InlineData("prove", "html", "prove has no html report (it has text, json)")]
    [InlineData("graph", "text", "graph has no text report (it has dot, graphml)")]
    [InlineData("check", "dot", "check has no dot report (it has text, json, html, email, graphml)")]
    public void A_format_the_command_has_no_report_in_is_named_with_the_ones_it_has(string command, string format, string message)
    {
        string[] args = command == "diff" ? [command, "pre", "v3", "--format", format] : [command, "--format", format];

        var r = InProcessCli.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"hvmodel: error: --format {format}: {message}\n", r.Stderr);
    }
}
