using System.Diagnostics;

namespace HvModel.Tests.Export;

/// <summary>What the peer oracles (<see cref="SpinOracle"/>, <see cref="RumurOracle"/>) share: their command lines from a profile file of bench/, and running a program.</summary>
public static class PeerTool
{
    /// <summary>The argument columns of profile <paramref name="name"/> in bench/<paramref name="file"/> (lines "name | args | args ...", '#' for comments).</summary>
    public static string[][] Profile(string file, string name, int columns)
    {
        var line = File.ReadAllLines(Repo.Path("bench", file))
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('|'))
            .FirstOrDefault(c => c.Length == columns + 1 && c[0].Trim() == name)
            ?? throw new InvalidOperationException($"bench/{file} has no profile '{name}'");
        return [.. line.Skip(1).Select(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
    }

    /// <summary>
    /// Runs <paramref name="program"/> in <paramref name="dir"/>; fails the test when it exits
    /// with an error, unless <paramref name="mayFail"/>. A program that is not installed is
    /// named with the ./setup that installs it (<paramref name="installs"/>: what for).
    /// </summary>
    public static (int Code, string Stdout, string Stderr) Run(string dir, string program, IEnumerable<string> args, string installs, bool mayFail = false)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"'{program}' is not installed: run ./setup (it installs {installs})");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(mayFail || process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {stderr}{stdout.Result}");
            return (process.ExitCode, stdout.Result, stderr);
        }
    }
}
