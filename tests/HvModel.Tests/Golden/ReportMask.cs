using System.Text.RegularExpressions;

namespace HvModel.Tests.Golden;

/// <summary>
/// What may differ between two runs of the same report on two machines, replaced by a fixed
/// mark: timings (text "0.36 s" at a line's or an HTML list item's end, JSON "seconds": 0.342
/// and prove's "mining_seconds" and the like), the solvers' versions,
/// and the repository's absolute path. Everything else must be byte for byte the same.
/// </summary>
public static partial class ReportMask
{
    public static string Apply(string report)
    {
        var masked = report.Replace(Repo.Root, "<repo>", StringComparison.Ordinal);
        masked = Seconds().Replace(masked, "#");
        return SolverVersion().Replace(masked, "${name} #");
    }

    // JSON: a run's "seconds" and prove's time per phase ("mining_seconds"), not a setting ("timeout_seconds").
    [GeneratedRegex(@"(?<=, )\d+(\.\d+)? s(?=$|</li>)|(?<=""(explicit_|mining_|houdini_|support_|certificate_)?seconds"": )\d+(\.\d+)?", RegexOptions.Multiline)]
    private static partial Regex Seconds();

    // "Z3 version 4.8.12", "z3 4.8.12", "cvc5 1.0.5": the solvers installed here, not the report's.
    [GeneratedRegex(@"(?<name>\b(?:Z3 version|z3|cvc5)) \d+(\.\d+)+", RegexOptions.IgnoreCase)]
    private static partial Regex SolverVersion();
}
