using System.Text;

namespace HvModel.Tests.Golden;

/// <summary>
/// The expected output of a report, committed under <c>tests/golden/</c> and compared byte for
/// byte. <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites the files instead of comparing, for a
/// change of a report that is meant: the diff of the commit then shows what a reader sees change.
/// </summary>
public static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static string PathOf(string name) => Repo.Path("tests", "golden", name);

    /// <summary>Passes when <paramref name="actual"/> is the golden file's content (or rewrites it when updating).</summary>
    public static void AssertMatches(string name, string actual)
    {
        var path = PathOf(name);
        if (Updating)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(actual));
            return;
        }

        Assert.True(File.Exists(path), $"no golden file {name}: write it with UPDATE_GOLDEN=1 dotnet test --filter Golden");
        if (Difference(File.ReadAllBytes(path), actual) is { } difference)
        {
            Assert.Fail($"{name} differs from the report: {difference}; if the change is meant, rewrite the file with UPDATE_GOLDEN=1 dotnet test --filter Golden and commit it");
        }
    }

    /// <summary>Null when the bytes are the text's UTF-8 encoding; otherwise where they first differ, line by line.</summary>
    public static string? Difference(byte[] expected, string actual)
    {
        if (expected.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(actual)))
        {
            return null;
        }

        var want = Encoding.UTF8.GetString(expected).Split('\n');
        var got = actual.Split('\n');
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            var w = i < want.Length ? want[i] : "(end of file)";
            var g = i < got.Length ? got[i] : "(end of output)";
            if (w != g)
            {
                return $"line {i + 1} is\n  {g}\nwhere the golden file has\n  {w}";
            }
        }

        // Same lines, different bytes: an encoding matter (a byte-order mark, invalid UTF-8).
        return "the text is the same but its bytes are not";
    }
}
