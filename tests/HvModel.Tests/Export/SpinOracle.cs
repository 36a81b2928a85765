using System.Text.RegularExpressions;

namespace HvModel.Tests.Export;

/// <summary>
/// SPIN as an oracle for state counts: compiles a Promela text with the 'states' profile of
/// bench/spin-profiles, the same command lines bench/spin-states.sh runs (spin -o1 -o2 -a;
/// gcc -O2 -DNOREDUCE -DSAFETY -DBFS; ./pan -E), and returns the number of HvModel states it
/// explored (the nominal states, less SPIN's own pre-init state).
/// </summary>
public static partial class SpinOracle
{
    public static long CountStates(string promela)
    {
        var profile = Profile("states");
        var dir = Directory.CreateTempSubdirectory("hvmodel-spin-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "m.pml"), promela);
            Run(dir.FullName, "spin", [.. profile.Spin, "m.pml"]);
            Run(dir.FullName, "gcc", [.. profile.Gcc, "-o", "pan", "pan.c"]);
            var output = Run(dir.FullName, Path.Combine(dir.FullName, "pan"), profile.Pan);
            Assert.Contains("errors: 0", output);
            return NominalStates(output) - 1;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// pan's nominal states: the states stored less those stored inside atomic sequences. pan
    /// prints its "nominal states" line with six significant digits (1.51129e+06), so the
    /// count is computed from the two exact lines, "states, stored" and "atomic steps".
    /// </summary>
    public static long NominalStates(string panOutput)
    {
        var stored = StoredStates().Match(panOutput);
        Assert.True(stored.Success, panOutput);
        var atomic = AtomicSteps().Match(panOutput);
        return Count(stored) - (atomic.Success ? Count(atomic) : 0);
    }

    private static long Count(Match m) => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A line of bench/spin-profiles: spin's, gcc's and pan's arguments.</summary>
    public static (string[] Spin, string[] Gcc, string[] Pan) Profile(string name)
    {
        var columns = PeerTool.Profile("spin-profiles", name, 3);
        return (columns[0], columns[1], columns[2]);
    }

    private static string Run(string dir, string program, params string[] args) =>
        PeerTool.Run(dir, program, args, "spin and gcc for the exporter's tests").Stdout;

    [GeneratedRegex(@"^\s*(\d+) atomic steps", RegexOptions.Multiline)]
    private static partial Regex AtomicSteps();

    [GeneratedRegex(@"^\s*(\d+) states, stored", RegexOptions.Multiline)]
    private static partial Regex StoredStates();
}
