using System.CommandLine;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Reports;
using HvModel.Reports.Review;
using HvModel.Explicit.Review;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel ablate [MODEL] [--variant V]</c>: checks every subset of a variant's hunks and
/// says, for each property, its minimal sufficient hunk sets and its necessary hunks, so a
/// reviewer sees which hunk fixes what (and which hunk fixes nothing). Uses the explicit engine.
/// </summary>
public static class AblateCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly LimitOptions Limits = new(50_000_000);
    private static readonly Option<string?> Variant = new("--variant") { Description = "The variant whose hunks are taken apart (default: the one with the most hunks)" };
    private static readonly FormatOption Format = new("ablate", ReportFormat.Text, ReportFormat.Json, ReportFormat.Html, ReportFormat.Email);

    public static Command Create()
    {
        var command = new Command("ablate", "Check every subset of a variant's hunks: which hunk fixes which property") { Variant, Format.Option };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        if (Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        if (Format.Read(parse) is not { } format)
        {
            return 2;
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var name = parse.GetValue(Variant);
        var full = name is null ? model.Variants.MaxBy(v => v.Hunks.Length)! : ReviewCommands.Variant(model, name);
        if (full.Hunks.Length > Ablator.MaxHunks)
        {
            return Cli.UsageError($"variant {full.Name} has {full.Hunks.Length} hunks; ablate takes at most {Ablator.MaxHunks}");
        }

        // --timeout bounds the whole ablation: every subset's run shares one deadline.
        var ablation = Ablator.Run(model, full, limits.Apply(new CheckOptions()).StartClock());
        Console.Out.Write(format switch
        {
            ReportFormat.Json => AblationJsonReport.Render(model, ablation, ReviewCommands.Header(model)),
            ReportFormat.Html => ReviewHtmlReport.Ablation(model, ablation, ReviewCommands.Header(model)),
            ReportFormat.Email => AblationTextReport.Render(model, ablation, EmailText.Width) + "\n" + EmailText.CommandText(ReviewCommands.Reproduce(parse, "ablate")),
            _ => AblationTextReport.Render(model, ablation),
        });
        if (ablation.Rows.FirstOrDefault(r => r.Verdicts.Values.Any(v => v == Verdict.Unknown)) is { } cut)
        {
            Console.Error.WriteLine($"hvmodel: the ablation is incomplete: {cut.Reason ?? "a limit was hit"}");
            return 3;
        }

        return 0;
    }
}
