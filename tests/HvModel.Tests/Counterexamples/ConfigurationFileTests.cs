using HvModel.Cli;
using HvModel.Tests.Golden;

namespace HvModel.Tests.Counterexamples;

/// <summary>A file of configurations: one a line, comments and blank lines skipped, a bad word refused at its place.</summary>
public sealed class ConfigurationFileTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"hvmodel-configurations-{Guid.NewGuid():N}.conf");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void Each_line_is_a_configuration_of_constants()
    {
        File.WriteAllText(file, "# scenarios\n\nCOMPOSE=reuse_all   # one\nMSI=msi_nomask DRIVER=keep\n");

        var read = ConfigurationFile.Read(file);

        Assert.Equal(2, read.Count);
        Assert.Equal("reuse_all", read[0]["COMPOSE"]);
        Assert.Equal(["DRIVER", "MSI"], read[1].Keys.Order());
    }

    [Fact]
    public void A_word_without_a_value_is_an_error_at_its_line_and_column()
    {
        File.WriteAllText(file, "COMPOSE=reuse_all\n  MSI=msix DRIVER\n");

        var error = Assert.Throws<HvModel.Core.Text.ModelError>(() => ConfigurationFile.Read(file));
        Assert.Equal($"{file}:2:12: error: expected NAME=VALUE, not 'DRIVER'", error.Format());
    }

    [Fact]
    public void The_command_refuses_a_bad_file_with_exit_2_and_one_line()
    {
        File.WriteAllText(file, "# nothing\n");

        var outcome = InProcessCli.Run("counterexamples", "--configurations", file, "--check");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"{file}:1:1: error: no configuration in the file", outcome.Stderr.Trim());
    }
}
