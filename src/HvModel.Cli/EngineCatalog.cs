using HvModel.Core.Checking;
using HvModel.Explicit;
using HvModel.Symbolic.Engines;
using HvModel.Symbolic.Smt;

namespace HvModel.Cli;

/// <summary>The engines <c>--engine</c> can name.</summary>
public static class EngineCatalog
{
    public static readonly IReadOnlyList<string> Names = ["explicit", "bmc", "kind", "pdr"];

    public static IEngine Create(string name) => name switch
    {
        "explicit" => new ExplicitEngine(),
        "bmc" => new BmcEngine(),
        "kind" => new KInductionEngine(),
        "pdr" => new PdrEngine(),
        _ => throw new ArgumentException($"unknown engine '{name}'", nameof(name)),
    };

    /// <summary>The solver's version for reports, or null for engines that use none.</summary>
    public static string? SolverVersion(string name) => name == "explicit" ? null : Z3Process.Version();
}
