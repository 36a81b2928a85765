namespace HvModel.Reports;

/// <summary>What every report says about how it was made: tool, version, engine, solver, settings.</summary>
public sealed record ReportHeader(string Tool, string Version, string Engine, string? Solver, string? Settings);
