using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Patches;
using HvModel.Core.Text;
using HvModel.Explicit.Review;
using HvModel.Reports;
using HvModel.Reports.Review;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel review PATCH [MODEL] [--base VARIANT]</c>: a kernel patch (a format-patch file, an
/// mbox series, a reply quoting it, a plain diff) read against the model's hunk declarations,
/// then the variant it makes checked and compared with the base, as <c>diff</c> does.
/// </summary>
public static class ReviewCommand
{
    private static readonly Argument<string> PatchFile = new("PATCH") { Description = "The patch: a git format-patch file, an mbox series, a mail quoting it, or a git diff" };
    private static readonly ModelOptions Source = new();
    private static readonly Option<string?> Base = new("--base") { Description = "The variant the patch applies to (default: the one with no hunks)" };
    private static readonly FormatOption Format = new("review", ReportFormat.Text, ReportFormat.Json, ReportFormat.Html, ReportFormat.Email);
    private static readonly LimitOptions Limits = new(50_000_000);

    public static Command Create()
    {
        var command = new Command("review", "Read a kernel patch against the model: the hunks it implements, what the model does not cover, and the verdicts it changes") { PatchFile, Base, Format.Option };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        if (Format.Read(parse) is not { } format || Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        var path = parse.GetValue(PatchFile)!;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Cli.UsageError($"{path}: cannot read the patch: {e.Message}");
        }

        // Not a patch is bad input, like a model that does not parse: file:line:col, exit 2.
        var series = PatchReader.Read(text, path);
        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        if (model.ModelledCode.IsEmpty && model.Hunks.All(h => h.Patterns.IsEmpty))
        {
            // Every patch would "touch nothing modelled": say why instead.
            throw new ModelError(new SourceSpan(model.SourceFile, 1, 1),
                "the model says nothing of kernel code to review a patch against: declare the functions it stands for ('models \"file\": f, ...') and how a patch shows each hunk ('adds \"text\" in f'), see docs/language.md");
        }

        var baseVariant = parse.GetValue(Base) is { } name
            ? ReviewCommands.Variant(model, name)
            : model.Variants.FirstOrDefault(v => v.Hunks.IsEmpty)
              ?? throw new ModelError(Binder.CommandLine, $"the model has no variant without hunks to review the patch against: name one with --base (it has: {string.Join(", ", model.Variants.Select(v => v.Name))})");

        var review = PatchReviewer.Review(model, baseVariant, series, limits.Apply(new CheckOptions { Cancellation = SignalHandling.Token }).StartClock());
        var header = ReviewCommands.Header(review.Model);
        Console.Out.Write(format switch
        {
            ReportFormat.Json => PatchReviewJson.Render(review, header),
            ReportFormat.Html => PatchReviewHtml.Render(review, header),
            ReportFormat.Email => PatchReviewText.Render(review, header, ReviewCommands.Reproduce(parse, "review")),
            _ => PatchReviewText.Render(review, header),
        });
        return review.ExitCode;
    }
}
