using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HvModel.Tests.Export;

/// <summary>ABC's answer on one AIGER file: whether the bad output is reachable, and the input vector of each step of its counterexample.</summary>
public sealed record AbcAnswer(int Status, IReadOnlyList<bool[]> Frames, string Output)
{
    /// <summary>print_status's 0: a counterexample (bad reachable).</summary>
    public bool Violated => Status == 0;

    /// <summary>print_status's 1: proved (bad unreachable).</summary>
    public bool Holds => Status == 1;
}

/// <summary>
/// Debian's berkeley-abc as an oracle for the AIGER export: <c>read_aiger</c>, an engine
/// (<c>pdr</c>, <c>bmc3 -F N</c>), <c>print_status</c> for the verdict and <c>write_cex -a</c>
/// for the counterexample (a line of initial latch values, then one line of input values per step).
/// </summary>
public static partial class AbcOracle
{
    public const string Program = "berkeley-abc";

    public static AbcAnswer Run(byte[] aiger, string engine, int inputs)
    {
        var dir = Directory.CreateTempSubdirectory("hvmodel-abc-");
        try
        {
            var file = Path.Combine(dir.FullName, "m.aig");
            var cex = Path.Combine(dir.FullName, "cex.txt");
            File.WriteAllBytes(file, aiger);
            var output = Execute(dir.FullName, $"read_aiger {file}; {engine}; print_status; write_cex -a {cex}");
            var status = StatusLine().Match(output);
            Assert.True(status.Success, $"no status from ABC:\n{output}");
            var code = int.Parse(status.Groups[1].Value);
            var frames = new List<bool[]>();
            if (code == 0)
            {
                var last = int.Parse(FrameOf().Match(output).Groups[1].Value);
                var lines = File.ReadAllLines(cex).Select(l => l.Split('#')[0].Trim()).ToList();

                // The first line is the latches' initial values; then one line per step.
                for (var f = 0; f <= last; f++)
                {
                    var line = f + 1 < lines.Count ? lines[f + 1] : "";
                    Assert.True(line.Length == inputs, $"ABC's counterexample line {f + 1} has {line.Length} inputs, the file {inputs}");
                    frames.Add([.. line.Select(ch => ch == '1')]);
                }
            }

            return new AbcAnswer(code, frames, output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Execute(string dir, string script)
    {
        var info = new ProcessStartInfo(Program) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException($"'{Program}' is not installed: run ./setup (it installs Debian's berkeley-abc for the AIGER export's tests)");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{Program} failed ({process.ExitCode}): {stderr}{stdout.Result}");
            return stdout.Result + stderr;
        }
    }

    [GeneratedRegex(@"Status = (-?\d+)")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"CEX: Po =\s*\d+\s+Frame =\s*(\d+)")]
    private static partial Regex FrameOf();
}
