namespace HvModel.Reports;

/// <summary>
/// What every report says about how it was made: tool, version, engine, solver and the run's
/// settings. The engine is null when no run was made (a document of errors), and so are the
/// settings then.
/// </summary>
public sealed record ReportHeader(string Tool, string Version, string? Engine, string? Solver, IReadOnlyList<RunSetting> Settings)
{
    /// <summary>The settings as text and HTML print them (<c>max-states 50000000, symmetry: ...</c>); null when there are none.</summary>
    public string? SettingsText => Settings.Count == 0 ? null : string.Join(", ", Settings.Select(s => s.Text));

    /// <summary>The header of a run that did not get as far as an engine: the tool and its version.</summary>
    public static ReportHeader ToolOnly(string tool, string version) => new(tool, version, null, null, []);
}
