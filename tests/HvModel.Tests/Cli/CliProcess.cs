using System.Diagnostics;
using HvModel.Tests.Schema;

namespace HvModel.Tests.Cli;

/// <summary>
/// Runs the built <c>hvmodel</c> as a separate process from the repository root, as a user would.
/// Every JSON document it prints is validated against the committed schema (<see cref="ReportSchema"/>).
/// </summary>
public static class CliProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args) => RunIn(Repo.Root, args);

    /// <summary>Runs hvmodel with <paramref name="workingDirectory"/> as its working folder.</summary>
    public static Outcome RunIn(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hvmodel.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"hvmodel {string.Join(' ', args)} did not finish");
        }

        var outcome = new Outcome(p.ExitCode, stdout.Result, stderr.Result);
        ReportSchema.AssertValidIfJson(outcome.Stdout, args);
        return outcome;
    }
}
