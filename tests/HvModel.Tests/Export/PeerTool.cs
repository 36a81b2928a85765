using HvModel.TestSupport.Peers;

namespace HvModel.Tests.Export;

/// <summary>What the peer oracles (<see cref="SpinOracle"/>, <see cref="RumurOracle"/>) share: <see cref="PeerProgram"/>, failing the test where a program fails.</summary>
public static class PeerTool
{
    /// <summary>The argument columns of profile <paramref name="name"/> in bench/<paramref name="file"/>: see <see cref="PeerProgram.Profile"/>.</summary>
    public static string[][] Profile(string file, string name, int columns) => PeerProgram.Profile(file, name, columns);

    /// <summary>
    /// Runs <paramref name="program"/> in <paramref name="dir"/>; fails the test when it exits
    /// with an error, unless <paramref name="mayFail"/>. A program that is not installed is
    /// named with the ./setup that installs it (<paramref name="installs"/>: what for).
    /// </summary>
    public static (int Code, string Stdout, string Stderr) Run(string dir, string program, IEnumerable<string> args, string installs, bool mayFail = false)
    {
        var (code, stdout, stderr) = PeerProgram.Run(dir, program, args, installs);
        Assert.True(mayFail || code == 0, $"{program} failed ({code}): {stderr}{stdout}");
        return (code, stdout, stderr);
    }
}
