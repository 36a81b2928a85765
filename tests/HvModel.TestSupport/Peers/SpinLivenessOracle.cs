using HvModel.Core.Ir;
using HvModel.Export.Promela;

namespace HvModel.TestSupport.Peers;

/// <summary>
/// SPIN as an oracle for liveness: exports a variant with its liveness properties (each a never
/// claim under the model's fairness, see the Promela exporter's remarks), compiles it once with
/// a liveness profile of bench/spin-profiles (spin -a; gcc -DNOREDUCE; by default
/// 'liveness-small', gcc -O0, for small models) and runs
/// <c>pan -a -N NAME</c> per property: an acceptance cycle is a violation, none is a hold.
/// </summary>
public static class SpinLivenessOracle
{
    /// <summary>pan's depth bound: deep enough that the nested search never cuts a cycle short on the models compared (pan says so when it does).</summary>
    public const int MaxDepth = 1_000_000;

    /// <summary>SPIN's verdict on each of the model's liveness properties in <paramref name="variant"/>, by name.</summary>
    /// <exception cref="SpinModelError">pan met a model error (a failed assert: a value out of range).</exception>
    public static Dictionary<string, Verdict> Check(Model model, Variant variant, string profile = "liveness-small")
    {
        var (spin, gcc, pan) = Profile(profile);
        var dir = Directory.CreateTempSubdirectory("hvmodel-spin-liveness-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "m.pml"), PromelaExporter.Export(model, variant, "SpinLivenessOracle", liveness: model.Liveness));
            Run(dir.FullName, "spin", [.. spin, "m.pml"]);
            Run(dir.FullName, "gcc", [.. gcc, "-o", "pan", "pan.c"]);
            var verdicts = new Dictionary<string, Verdict>();
            foreach (var property in model.Liveness)
            {
                var output = Run(dir.FullName, Path.Combine(dir.FullName, "pan"), [.. pan, $"-m{MaxDepth}", "-N", PromelaExporter.ClaimName(property)]);
                verdicts[property.Name] = Verdict(output, property.Name);
            }

            return verdicts;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The verdict in pan's output, strictly: anything but a clean run or an acceptance cycle is an error.</summary>
    public static Verdict Verdict(string panOutput, string property)
    {
        if (panOutput.Contains("max search depth too small", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"pan -N {property}: its depth bound cut the search short (raise -m)");
        }

        if (panOutput.Contains("assertion violated", StringComparison.Ordinal))
        {
            throw new SpinModelError($"pan -N {property}: {panOutput.Split('\n').First(l => l.Contains("assertion violated", StringComparison.Ordinal)).Trim()}");
        }

        if (panOutput.Contains("acceptance cycle", StringComparison.Ordinal) && panOutput.Contains("errors: 1", StringComparison.Ordinal))
        {
            return Core.Ir.Verdict.Violated;
        }

        if (panOutput.Contains("errors: 0", StringComparison.Ordinal))
        {
            return Core.Ir.Verdict.Holds;
        }

        throw new InvalidOperationException($"pan -N {property}: no verdict in its output:\n{panOutput}");
    }

    /// <summary>A profile's arguments for spin, gcc and pan.</summary>
    public static (string[] Spin, string[] Gcc, string[] Pan) Profile(string name)
    {
        var columns = PeerProgram.Profile("spin-profiles", name, 3);
        return (columns[0], columns[1], columns[2]);
    }

    private static string Run(string dir, string program, string[] args)
    {
        var (code, stdout, stderr) = PeerProgram.Run(dir, program, args, "spin and gcc, the liveness oracle");
        if (code != 0)
        {
            // spin still writes a pan.c after some syntax errors: its exit code is what tells.
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({code}): {stderr}{stdout}");
        }

        return stdout;
    }
}
