namespace HvModel.Reports;

/// <summary>
/// The one registry of <c>--format</c> values: every command that prints a report (check, diff,
/// ablate, gate, prove, graph) reads its option through it, so that a name means the same everywhere,
/// help lists the formats alike, and a bad value gets the same message whichever command it is
/// given to. Each command says which formats it has a renderer for.
/// </summary>
public static class ReportFormats
{
    private static readonly (ReportFormat Format, string Name)[] Names =
    [
        (ReportFormat.Text, "text"),
        (ReportFormat.Json, "json"),
        (ReportFormat.Html, "html"),
        (ReportFormat.Email, "email"),
        (ReportFormat.Dot, "dot"),
        (ReportFormat.Graphml, "graphml"),
    ];

    /// <summary>The format's name on the command line.</summary>
    public static string Name(ReportFormat format) => Array.Find(Names, n => n.Format == format).Name;

    /// <summary>The format of that name, or null when there is none.</summary>
    public static ReportFormat? Find(string name) => Array.FindIndex(Names, n => n.Name == name) is var i and >= 0 ? Names[i].Format : null;

    /// <summary>The option's help: <c>text | json | email</c>.</summary>
    public static string Help(IReadOnlyList<ReportFormat> offered) => string.Join(" | ", offered.Select(Name));

    /// <summary>
    /// The format <paramref name="value"/> names among those <paramref name="command"/> offers,
    /// or the error to print. A name no format has gets the same message from every command;
    /// a format this command has no report in is named with the ones it has.
    /// </summary>
    public static (ReportFormat? Format, string? Error) Read(string command, string value, IReadOnlyList<ReportFormat> offered) => Find(value) switch
    {
        { } f when offered.Contains(f) => (f, null),
        { } f => (null, $"--format {Name(f)}: {command} has no {Name(f)} report (it has {string.Join(", ", offered.Select(Name))})"),
        null => (null, $"--format must be one of {string.Join(", ", Names.Select(n => n.Name))}, not '{value}'"),
    };
}
