using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HvModel.Symbolic.Smt;

/// <summary>
/// The solver's version, asked once per executable with <c>--version</c>. A solver that does not
/// answer within a few seconds is ended and its version given as unknown: the report must not
/// wait on it. Throws <see cref="Z3NotFoundException"/> when the program cannot be started.
/// </summary>
public static class SolverVersion
{
    // `z3 --version` answers in milliseconds when the solver is sane.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, string> Versions = new();

    /// <summary>The version line, e.g. "Z3 version 4.8.12 - 64 bit".</summary>
    public static string Of(string executable) => Versions.GetOrAdd(executable, Ask);

    /// <summary>A short name for reports, e.g. "z3 4.8.12".</summary>
    public static string ShortName(string executable)
    {
        var version = Of(executable);
        var number = Regex.Match(version, @"\d+\.\d+(\.\d+)?");
        return number.Success && version.StartsWith("Z3", StringComparison.OrdinalIgnoreCase) ? $"z3 {number.Value}" : version;
    }

    private static string Ask(string e)
    {
        var info = new ProcessStartInfo(e, "--version")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var p = Process.Start(info) ?? throw new Z3NotFoundException(e);
            p.StandardInput.Close();
            var text = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!text.Wait(Limit) || !p.WaitForExit(Limit))
            {
                SolverRegistry.Kill(p);
                p.WaitForExit(1000);
                return $"unknown version ({e} --version gave no answer in {Limit.TotalSeconds:0} s)";
            }

            var line = text.Result.Trim();
            return line.Length == 0 ? $"unknown version ({e} --version printed nothing)" : line.Split('\n')[0].Trim();
        }
        catch (Win32Exception ex)
        {
            throw new Z3NotFoundException(e, ex);
        }
    }
}
