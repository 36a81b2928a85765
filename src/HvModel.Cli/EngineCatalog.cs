using HvModel.Core.Checking;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>The engines <c>--engine</c> can name.</summary>
public static class EngineCatalog
{
    public static readonly IReadOnlyList<string> Names = ["explicit"];

    public static IEngine Create(string name) => name switch
    {
        "explicit" => new ExplicitEngine(),
        _ => throw new ArgumentException($"unknown engine '{name}'", nameof(name)),
    };

    /// <summary>The solver's version for reports, or null for engines that use none.</summary>
    public static string? SolverVersion(string name) => null;
}
