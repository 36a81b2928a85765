using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>
/// How verdicts are named, in one table for every report: in running text, in a verdict
/// matrix, in JSON (a contract: scripts read it, so it names the verdict, never the kind) and as
/// the HTML cell's class. A cover's "holds" is "reached" wherever a person reads it.
/// </summary>
public static class VerdictWords
{
    private sealed record Row(PropertyKind? Kind, Verdict Verdict, string Plain, string Cell, string Json, string Css);

    // A null kind is either kind. An unreached cover is drawn as a warning (a vacuity alarm), not
    // as a bug found, so its class is the one of an unknown verdict.
    private static readonly Row[] Table =
    [
        new(PropertyKind.Invariant, Verdict.Holds, "holds", "holds", "holds", "holds"),
        new(PropertyKind.Invariant, Verdict.Violated, "violated", "VIOLATED", "violated", "violated"),
        new(PropertyKind.Cover, Verdict.Holds, "reached", "reached", "holds", "holds"),
        new(PropertyKind.Cover, Verdict.Violated, "unreached", "UNREACHED", "violated", "unknown"),
        new(null, Verdict.NotChecked, "not checked", "unchecked", "unchecked", "unchecked"),
        new(null, Verdict.Unknown, "unknown", "unknown", "unknown", "unknown"),
    ];

    /// <summary>In running text: holds, violated, reached, unreached, not checked, unknown.</summary>
    public static string Plain(PropertyKind kind, Verdict verdict) => Find(kind, verdict).Plain;

    /// <summary>In a verdict matrix, where the bad news stands out in capitals.</summary>
    public static string Cell(PropertyKind kind, Verdict verdict) => Find(kind, verdict).Cell;

    /// <summary>In JSON: holds, violated, unchecked, unknown, whatever the kind of property.</summary>
    public static string Json(Verdict verdict) => Find(PropertyKind.Invariant, verdict).Json;

    /// <summary>The class of an HTML matrix cell, which gives it its colour.</summary>
    public static string Css(PropertyKind kind, Verdict verdict) => Find(kind, verdict).Css;

    private static Row Find(PropertyKind kind, Verdict verdict) =>
        Array.Find(Table, r => r.Verdict == verdict && (r.Kind is null || r.Kind == kind))
        ?? throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "a verdict without words");
}
