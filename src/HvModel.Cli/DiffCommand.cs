using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Reports;
using HvModel.Reports.Review;
using HvModel.Core.Text;
using HvModel.Explicit.Review;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel diff A B [MODEL]</c>: what changes from variant A to variant B of one model.
/// Exit codes: 0, or 1 when B violates a property that A does not (a regression), 3 when a
/// run was inconclusive.
/// </summary>
public static class DiffCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly Argument<string> A = new("A") { Description = "The base variant (e.g. pre)" };
    private static readonly Argument<string> B = new("B") { Description = "The patched variant (e.g. v3)" };
    private static readonly FormatOption Format = new("diff", ReportFormat.Text, ReportFormat.Json, ReportFormat.Html, ReportFormat.Email);
    private static readonly LimitOptions Limits = new(50_000_000);

    public static Command Create()
    {
        var command = new Command("diff", "Compare two variants: verdict changes, A's counterexamples replayed on B, regressions") { A, B, Format.Option };
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

        // 'diff buggy refcount.hvm' (the second variant forgotten) must not check the flagship.
        foreach (var name in new[] { parse.GetValue(A)!, parse.GetValue(B)! }.Where(n => n.EndsWith(".hvm", StringComparison.Ordinal) || n.EndsWith(".hvp", StringComparison.Ordinal) || File.Exists(n)))
        {
            return Cli.UsageError($"'{name}' stands where a variant is expected: write 'diff A B [MODEL]', both variants first, then the model");
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var a = ReviewCommands.Variant(model, parse.GetValue(A)!);
        var b = ReviewCommands.Variant(model, parse.GetValue(B)!);
        // --timeout bounds the whole diff: both variants and the checks without each hunk.
        var diff = VariantDiffer.Diff(model, a, b, limits.Apply(new CheckOptions { Cancellation = SignalHandling.Token }).StartClock());
        var header = ReviewCommands.Header(model);
        Console.Out.Write(format switch
        {
            ReportFormat.Json => DiffJsonReport.Render(model, diff, header),
            ReportFormat.Html => ReviewHtmlReport.Diff(model, diff, header),
            ReportFormat.Email => DiffTextReport.Render(model, diff, header, ReviewCommands.Reproduce(parse, "diff")),
            _ => DiffTextReport.Render(model, diff, header),
        });
        return diff.Inconclusive ? 3 : diff.Regressions.IsEmpty ? 0 : 1;
    }
}
