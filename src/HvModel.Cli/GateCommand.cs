using System.CommandLine;
using HvModel.Core.Ir;
using HvModel.Core.Review;
using HvModel.Reports;
using HvModel.Reports.Review;
using HvModel.Explicit.Review;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel gate [MODEL] [--variant V]...</c>: the vacuity and fault-coverage gate. Exit 0
/// when every finding is one the model declares expected, 1 when one is not, 3 when a variant's
/// exploration hit the state limit.
/// </summary>
public static class GateCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly Option<string[]> Variants = new("--variant") { Description = "Only this variant (repeatable)" };
    private static readonly FormatOption Format = new("gate", ReportFormat.Text, ReportFormat.Json, ReportFormat.Html);
    private static readonly LimitOptions Limits = new(Gate.DefaultMaxStates);

    public static Command Create()
    {
        var command = new Command("gate", "Vacuity and fault coverage: actions that never fire, hunks that change nothing, vacuous implications, unreached covers") { Variants, Format.Option };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        if (Format.Read(parse) is not { } format)
        {
            return 2;
        }

        if (Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var gate = Gate.Run(model, Chosen(model, parse.GetValue(Variants) ?? []), limits.Apply(new Core.Checking.CheckOptions { Cancellation = SignalHandling.Token }));
        Console.Out.Write(format switch
        {
            ReportFormat.Json => GateJsonReport.Render(model, gate, ReviewCommands.Header(model)),
            ReportFormat.Html => ReviewHtmlReport.Gate(model, gate, ReviewCommands.Header(model)),
            _ => GateTextReport.Render(gate),
        });
        return gate.ExitCode;
    }

    /// <summary>The variants named (all when none is).</summary>
    public static List<Variant> Chosen(Model model, IReadOnlyCollection<string> names) =>
        names.Count == 0 ? [.. model.Variants] : [.. names.Select(n => ReviewCommands.Variant(model, n))];

    /// <summary>
    /// <c>check --gate</c>: the gate's findings after the check, in text after a text report,
    /// in the page itself for HTML, on stderr after a JSON or e-mail one (a JSON report must
    /// stay one document); a differing verdict's exit code wins, then the gate's.
    /// </summary>
    public static int AfterCheck(GateReport gate, ReportFormat format, int checkExit)
    {
        var text = GateTextReport.Render(gate);
        if (format == ReportFormat.Text)
        {
            Console.Out.WriteLine();
            Console.Out.Write(text);
        }
        else if (format != ReportFormat.Html)
        {
            Console.Error.Write(text);
        }

        return checkExit is 1 or 2 ? checkExit : gate.ExitCode != 0 ? gate.ExitCode : checkExit;
    }
}
