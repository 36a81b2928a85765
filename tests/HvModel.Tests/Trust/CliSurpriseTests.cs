using HvModel.Tests.Cli;

namespace HvModel.Tests.Trust;

/// <summary>Issue 21, defect 7: command-line surprises a newcomer met.</summary>
public class CliSurpriseTests
{
    [Fact]
    public void Diff_with_a_model_file_where_the_second_variant_belongs_is_an_error_not_a_check_of_the_flagship()
    {
        var r = CliProcess.Run("diff", "buggy", "tests/models/violated/refcount.hvm");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'tests/models/violated/refcount.hvm' stands where a variant is expected", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_verdict_cell_that_differs_keeps_a_space_before_the_next_column()
    {
        var dir = Directory.CreateTempSubdirectory("hvmodel-matrix").FullName;
        var model = Path.Combine(dir, "collide.hvm");
        File.WriteAllText(model, """
            model collide
            var x: 0 .. 1 = 0
            action step when x = 0 do x := 1 end
            invariant fine: true
            cover never_two: x = 2 - 1 and x = 0 and x = 1
            cover also_never: x = 0 and x = 1
            allow deadlock
            expect (never_two, also_never)
              default = (reached, reached)
            end
            """);

        var r = CliProcess.Run("check", model);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("default  UNREACHED! UNREACHED!", r.Stdout);
        Assert.DoesNotContain("!UNREACHED", r.Stdout);
    }

    [Fact]
    public void Counterexamples_check_suggests_the_command_with_the_model_and_folder_given()
    {
        var dir = Directory.CreateTempSubdirectory("hvmodel-stale").FullName;

        var r = CliProcess.Run("counterexamples", "tests/models/violated/refcount.hvm", "--out", dir, "--check");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"run: dotnet run --project src/HvModel.Cli -- counterexamples tests/models/violated/refcount.hvm --out {dir}", r.Stdout);
    }

    [Fact]
    public void A_hunk_branch_of_an_included_file_is_named_with_its_file()
    {
        var r = CliProcess.Run("diff", "pre", "v3", "properties/hv-pci-msi.hvp", "--format", "json");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"file\": \"model/hv-pci-msi.hvm\"", r.Stdout);
    }
}
