using System.Diagnostics;

namespace HvModel.TestSupport.Peers;

/// <summary>
/// The peer checkers' command lines, read from the profile files of bench/ (so that the tests,
/// the campaigns and the bench scripts run the very same ones), and running one of their
/// programs. Shared by the tests' oracles and the bench/ campaigns; it asserts nothing.
/// </summary>
public static class PeerProgram
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
    /// Runs <paramref name="program"/> in <paramref name="dir"/> and returns its exit code and
    /// output. A program that is not installed is named with the ./setup that installs it
    /// (<paramref name="installs"/>: what for).
    /// </summary>
    public static (int Code, string Stdout, string Stderr) Run(string dir, string program, IEnumerable<string> args, string installs)
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
            return (process.ExitCode, stdout.Result, stderr);
        }
    }
}
