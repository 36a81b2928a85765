using System.CommandLine;
using HvModel.Reports;

namespace HvModel.Cli;

/// <summary>
/// A command's <c>--format</c>: the formats it has a renderer for, named and checked by the one
/// registry (<see cref="ReportFormats"/>); the first it offers is the default (text, but dot for
/// graph, which has no text form).
/// </summary>
public sealed class FormatOption
{
    private readonly string command;
    private readonly ReportFormat[] offered;

    public FormatOption(string command, params ReportFormat[] offered)
    {
        this.command = command;
        this.offered = offered;
        Option = new Option<string>("--format") { Description = ReportFormats.Help(offered), DefaultValueFactory = _ => ReportFormats.Name(offered[0]) };
    }

    public Option<string> Option { get; }

    /// <summary>The format asked for, or null after the usage error was printed.</summary>
    public ReportFormat? Read(ParseResult parse)
    {
        var (format, error) = ReportFormats.Read(command, parse.GetValue(Option)!, offered);
        if (error is not null)
        {
            Cli.UsageError(error);
        }

        return format;
    }
}
