using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Certificates;

/// <summary>
/// A second, independent solver for certificates: cvc5 (Debian's <c>cvc5</c>, installed by
/// <c>./setup</c>), run once per obligation as a fresh process on the obligation's script, so a
/// fault of z3's (or of the way hvmodel talks to it) cannot vouch for itself. Where cvc5 does
/// not decide an obligation (it answers unknown on some quantified queries), the certificate
/// says so instead of failing; where it finds the obligation satisfiable, the claim is wrong.
/// </summary>
public sealed class SecondSolver
{
    private readonly string executable;

    private SecondSolver(string executable, string version)
    {
        this.executable = executable;
        Name = version;
    }

    /// <summary>The solver's name for reports, e.g. "cvc5 1.0.3".</summary>
    public string Name { get; }

    /// <summary>How long one obligation may take when the run has no deadline.</summary>
    public static TimeSpan DefaultLimit { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The program used when none is given: <c>$HVMODEL_CVC5</c>, else <c>cvc5</c> on the PATH.</summary>
    public static string DefaultExecutable => Environment.GetEnvironmentVariable("HVMODEL_CVC5") is { Length: > 0 } c ? c : "cvc5";

    /// <summary>cvc5 if it can be started (its version answers); null otherwise: certificates then run z3 alone, and say so.</summary>
    public static SecondSolver? Find(string? executable = null)
    {
        var program = executable ?? DefaultExecutable;
        try
        {
            var (ok, output) = Run(program, "--version", string.Empty, TimeSpan.FromSeconds(5), CancellationToken.None);
            var line = output.Split('\n').FirstOrDefault(l => l.Contains("version", StringComparison.OrdinalIgnoreCase))?.Trim();
            if (!ok || line is null)
            {
                return null;
            }

            var number = System.Text.RegularExpressions.Regex.Match(line, @"\d+\.\d+(\.\d+)?");
            return new SecondSolver(program, number.Success ? $"cvc5 {number.Value}" : line);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the obligation's script is unsatisfiable, within <paramref name="budget"/> (or
    /// <see cref="DefaultLimit"/>) and before <paramref name="deadline"/>.
    /// </summary>
    public SolverAnswer Check(ProofObligation obligation, DateTime? deadline, CancellationToken cancellation, TimeSpan? budget = null)
    {
        var limit = budget ?? DefaultLimit;
        if (deadline is { } end && end - DateTime.UtcNow < limit)
        {
            limit = end - DateTime.UtcNow;
        }

        if (limit <= TimeSpan.Zero)
        {
            return new SolverAnswer(SolverStatus.Unknown, "no time left");
        }

        var script = new StringBuilder("(set-logic ALL)\n");
        foreach (var command in obligation.Script)
        {
            // Options meant for z3 (unsat cores, timeouts) are not cvc5's business.
            if (!command.StartsWith("(set-option", StringComparison.Ordinal))
            {
                script.AppendLine(command);
            }
        }

        script.AppendLine("(check-sat)");
        var ms = Math.Max(1, (long)limit.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        try
        {
            // Finite model finding: prove's queries are over uninterpreted sorts, where it both finds
            // counterexamples (which plain quantifier instantiation answers unknown to) and is
            // many times faster to unsat.
            var (ok, output) = Run(executable, $"--lang smt2 --finite-model-find --tlimit={ms}", script.ToString(), limit + TimeSpan.FromSeconds(1), cancellation);
            var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).LastOrDefault() ?? string.Empty;
            return !ok ? new SolverAnswer(SolverStatus.Unknown, $"no answer within {limit.TotalSeconds:0.#} s")
                : last == "unsat" ? SolverAnswer.Unsat
                : last == "sat" ? SolverAnswer.Sat
                : new SolverAnswer(SolverStatus.Unknown, last.Length == 0 ? "no answer" : $"cvc5: {Shorten(last)}");
        }
        catch (Win32Exception e)
        {
            return new SolverAnswer(SolverStatus.Unknown, $"cvc5 could not be started: {e.Message}");
        }
    }

    private static string Shorten(string s) => s.Length > 100 ? s[..100] + "..." : s;

    private static (bool Ok, string Output) Run(string program, string arguments, string input, TimeSpan limit, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new Win32Exception($"cannot start {program}");
        SolverRegistry.Add(process);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            _ = process.StandardError.ReadToEndAsync(cancellation);
            try
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The solver left early; its output says why.
            }

            if (!process.WaitForExit(limit) || !output.Wait(TimeSpan.FromSeconds(1), cancellation))
            {
                SolverRegistry.Kill(process);
                return (false, string.Empty);
            }

            return (true, output.Result);
        }
        catch (OperationCanceledException)
        {
            SolverRegistry.Kill(process);
            throw;
        }
        finally
        {
            SolverRegistry.Remove(process);
        }
    }
}

/// <summary>The second solver every certificate uses: cvc5 when it is installed, looked up once.</summary>
public static class SecondSolvers
{
    private static readonly Lazy<SecondSolver?> Found = new(() => SecondSolver.Find());

    /// <summary>cvc5, or null when it cannot be started (certificates then say they ran z3 alone).</summary>
    public static SecondSolver? Default => Found.Value;
}
