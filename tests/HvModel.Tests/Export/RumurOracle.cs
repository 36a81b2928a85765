using System.Text.RegularExpressions;

namespace HvModel.Tests.Export;

/// <summary>What Rumur's verifier found on one Murphi text: the states it explored, and whether it reported an error (an invariant violated, a model error).</summary>
public sealed record RumurAnswer(long States, bool Error, string Output);

/// <summary>
/// Rumur as an oracle for state counts and verdicts: generates the verifier of a Murphi text
/// with a profile of bench/rumur-profiles (the command lines bench/rumur-states.sh runs),
/// compiles it with gcc and runs it, and reads its summary: "N states, M rules fired", and
/// "No error found" or "K error(s) found".
/// </summary>
public static partial class RumurOracle
{
    /// <summary>The states of an exported model without symmetry reduction (profile 'states') or with Rumur's exhaustive one (profile 'symmetric').</summary>
    public static long CountStates(string murphi, bool symmetry = false)
    {
        var answer = Run(murphi, symmetry ? "symmetric" : "states");
        Assert.False(answer.Error, answer.Output);
        return answer.States;
    }

    public static RumurAnswer Run(string murphi, string profileName)
    {
        var profile = Profile(profileName);
        var dir = Directory.CreateTempSubdirectory("hvmodel-rumur-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "m.m"), murphi);
            Execute(dir.FullName, "rumur", [.. profile.Rumur, "--output", "m.c", "m.m"]);
            Execute(dir.FullName, "gcc", [.. profile.Gcc, "-o", "verifier", "m.c", "-lpthread"]);
            var (code, output) = Execute(dir.FullName, Path.Combine(dir.FullName, "verifier"), [], mayFail: true);
            var states = States().Match(output);
            Assert.True(states.Success, output);
            var error = !output.Contains("No error found", StringComparison.Ordinal);
            Assert.True(error == (code != 0), $"the verifier exited {code}:\n{output}");
            return new RumurAnswer(long.Parse(states.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), error, output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A line of bench/rumur-profiles: rumur's and gcc's arguments.</summary>
    public static (string[] Rumur, string[] Gcc) Profile(string name)
    {
        var columns = PeerTool.Profile("rumur-profiles", name, 2);
        return (columns[0], columns[1]);
    }

    private static (int Code, string Output) Execute(string dir, string program, string[] args, bool mayFail = false)
    {
        var (code, stdout, stderr) = PeerTool.Run(dir, program, args, "rumur and gcc for the exporter's tests", mayFail);
        return (code, stdout + stderr);
    }

    [GeneratedRegex(@"(\d+) states, \d+ rules fired")]
    private static partial Regex States();
}
