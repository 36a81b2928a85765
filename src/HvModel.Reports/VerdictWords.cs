using HvModel.Core.Ir;

namespace HvModel.Reports;

/// <summary>How verdicts are named in reports: a cover's "holds" is "reached".</summary>
public static class VerdictWords
{
    /// <summary>In running text: holds, violated, reached, unreached, unknown.</summary>
    public static string Plain(PropertyKind kind, Verdict verdict) => (kind, verdict) switch
    {
        (PropertyKind.Cover, Verdict.Holds) => "reached",
        (PropertyKind.Cover, Verdict.Violated) => "unreached",
        (_, Verdict.Holds) => "holds",
        (_, Verdict.Violated) => "violated",
        (_, Verdict.NotChecked) => "not checked",
        _ => "unknown",
    };

    /// <summary>In a verdict matrix, where the bad news stands out in capitals.</summary>
    public static string Cell(PropertyKind kind, Verdict verdict) => verdict switch
    {
        Verdict.Holds => Plain(kind, verdict),
        Verdict.Violated => Plain(kind, verdict).ToUpperInvariant(),
        Verdict.NotChecked => "unchecked",
        _ => "unknown",
    };
}
