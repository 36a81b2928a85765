using System.Text.RegularExpressions;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Fuzzing;

/// <summary>
/// A few hostile files through the real <c>hvmodel</c> process, to pin the exit codes by class
/// that the in-process fuzzing (<see cref="MutationFuzzTests"/>) assumes.
/// </summary>
public sealed partial class FuzzCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hvmodel-fuzz-cli-").FullName;

    [Fact]
    public void A_nul_in_a_model_is_a_located_error_exit_2()
    {
        var path = Write("nul.hvm", "model m\nvar x: bool\0 = false\n"u8.ToArray());
        var run = CliProcess.Run("check", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(Located(), run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_a_located_error_exit_2()
    {
        var path = Write("bytes.hvm", [.. "model m\nvar x"u8, 0xFF, 0xC0, .. ": bool = false\n"u8]);
        var run = CliProcess.Run("check", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(Located(), run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_flagship_model_is_a_located_error_exit_2()
    {
        // Cut inside an action's body, past the middle: a cut at a declaration's boundary (the
        // middle fell on a comment once) leaves a model that loads, and checks something else.
        var text = File.ReadAllBytes(Repo.Path("model", "hv-pci-msi.hvm"));
        var cut = System.Text.Encoding.UTF8.GetString(text).IndexOf("\ndo\n", text.Length / 2, StringComparison.Ordinal) + 4;
        Assert.True(cut > text.Length / 2);
        var path = Write("cut.hvm", text[..cut]);
        var run = CliProcess.Run("check", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(Located(), run.Stderr);
    }

    [Fact]
    public void A_ten_megabyte_model_is_refused_with_a_located_error_exit_2()
    {
        // Model files are capped at 4 MB (SourceResolver.MaxFileBytes): far above any real model,
        // and the size is checked before anything is read.
        var original = File.ReadAllText(Repo.Path("tests", "models", "holds", "counter.hvm"));
        var padding = string.Concat(Enumerable.Repeat("-- padding to ten megabytes, line after line after line\n", (LargeInputs10Mb / 56) + 1));
        var path = Write("big.hvm", System.Text.Encoding.UTF8.GetBytes(original + padding));
        var run = CliProcess.Run("check", path, "--timeout", "30");
        Assert.True(new FileInfo(path).Length >= LargeInputs10Mb);
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(Located(), run.Stderr);
        Assert.Contains("more than the", run.Stderr, StringComparison.Ordinal);
    }

    private const int LargeInputs10Mb = 10 * 1024 * 1024;

    // file:line:col: error: message
    [GeneratedRegex(@"^\S+:\d+:\d+: error: ", RegexOptions.Multiline)]
    private static partial Regex Located();

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
