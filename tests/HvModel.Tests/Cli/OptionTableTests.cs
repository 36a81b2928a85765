using HvModel.Cli;

namespace HvModel.Tests.Cli;

/// <summary>Garbage option values and unknown names give a clear error and exit 2, for every option of every subcommand.</summary>
public class OptionTableTests
{
    public static TheoryData<string> BadOptions() => new()
    {
        "check --engine magic",
        "check --format xml",
        "check --depth -1",
        "check --depth abc",
        "check --max-states 0",
        "check --max-states abc",
        "check --max-states 1e99",
        "check --timeout 0",
        "check --timeout -5",
        "check --timeout NaN",
        "check --timeout abc",
        "check --timeout 1e7",
        "check --max-memory 12X",
        "check --max-memory -1G",
        "check --max-memory 0",
        "check --max-memory 99999999999T",
        "check --const CPUS",
        "check --const =3",
        "check --const CPUS=abc",
        "check --const NOPE=1",
        "check --variant v9",
        "check --property nope",
        "check --bogus",
        "check --depth 99999999999",
        "check no-such-file.hvm",
        "graph --max-states 0",
        "graph --timeout x",
        "graph --max-memory 1Q",
        "graph --variant v9",
        "graph --const CPUS=99",
        "graph --bogus",
        "ablate --timeout -1",
        "ablate --max-states x",
        "ablate --max-memory abc",
        "ablate --variant v9",
        "ablate --bogus",
        "counterexamples --timeout 0",
        "counterexamples --max-states -3",
        "counterexamples --max-memory 5",
        "counterexamples --const CPUS=99",
        "counterexamples --bogus",
        "diff pre v3 --timeout abc",
        "diff pre v3 --max-states 0",
        "diff pre v3 --max-memory 1Q",
        "gate --timeout 0",
        "gate --max-states x",
        "gate --max-memory 12X",
        "export --timeout -1",
        "export --max-states 0",
        "export --max-memory abc",
        "frobnicate",
    };

    [Theory]
    [InlineData("check --timeout abc", "hvmodel: error: --timeout takes a number, not 'abc'")]
    [InlineData("check --depth abc", "hvmodel: error: --depth takes a whole number, not 'abc'")]
    [InlineData("diff pre v3 --max-states 1e5", "hvmodel: error: --max-states takes a whole number, not '1e5'")]
    public void A_value_of_the_wrong_kind_is_named_in_words_not_as_a_dotnet_type(string command, string message)
    {
        var r = CliProcess.Run(command.Split(' '));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(message, r.Stderr.Trim());
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_a_clear_error(string command)
    {
        var r = CliProcess.Run(command.Split(' '));

        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"^(hvmodel: error: |<command line>:1:1: error: |no-such-file\.hvm: error: )", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
    }

    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("512m", 512L << 20)]
    [InlineData("65536K", 64L << 20)]
    [InlineData("1T", 1L << 40)]
    [InlineData("1048576", 1L << 20)]
    [InlineData("1K", null)]
    [InlineData("", null)]
    [InlineData("G", null)]
    [InlineData("1.5G", null)]
    [InlineData("-1G", null)]
    [InlineData("999999999999T", null)]
    public void Sizes_are_read_in_powers_of_1024(string text, long? bytes)
    {
        Assert.Equal(bytes, LimitOptions.ParseSize(text));
    }

    [Theory]
    [InlineData("ablate", "--max-states", "10")]
    [InlineData("ablate", "--timeout", "0.001")]
    [InlineData("graph", "--timeout", "0.001")]
    [InlineData("graph", "--max-states", "10")]
    [InlineData("counterexamples", "--max-states", "10")]
    [InlineData("check", "--max-states", "10")]
    [InlineData("diff", "--max-states", "10")]
    [InlineData("diff", "--timeout", "0.001")]
    [InlineData("gate", "--max-states", "10")]
    [InlineData("gate", "--timeout", "0.001")]
    public void Every_subcommand_takes_the_limits_and_a_hit_limit_is_unknown_exit_3(string command, string option, string value)
    {
        var dir = Directory.CreateTempSubdirectory("hvmodel-limit-");
        string[] args = command switch
        {
            "counterexamples" => [command, option, value, "--max-memory", "4G", "--out", dir.FullName],
            "diff" => [command, "pre", "v3", option, value, "--max-memory", "4G"],
            _ => [command, option, value, "--max-memory", "4G"],
        };

        var r = CliProcess.Run(args);

        Assert.Equal(3, r.ExitCode);
        Assert.Contains(option == "--timeout" ? "time limit" : "limit", r.Stdout + r.Stderr);
        Assert.DoesNotContain("holds", r.Stdout.Split('\n').Where(l => l.Contains("needs", StringComparison.Ordinal) || l.StartsWith("  [", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(dir.FullName));
        dir.Delete(true);
    }
}
