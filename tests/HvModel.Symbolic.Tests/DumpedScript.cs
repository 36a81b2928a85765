using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Tests;

/// <summary>A session dumped by <c>--dump-smt</c>, re-run as <c>z3 FILE</c>, as a user would.</summary>
internal static class DumpedScript
{
    /// <summary>Runs z3 on <paramref name="file"/> and asserts that it answers and raises no error.</summary>
    public static void AssertRerunsWithZ3(string file)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(Z3Process.DefaultExecutable, file) { RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.DoesNotContain("(error", output);
        Assert.Contains("sat", output);
    }
}
