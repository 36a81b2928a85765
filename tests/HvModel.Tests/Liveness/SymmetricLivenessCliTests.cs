using HvModel.Tests.Golden;

namespace HvModel.Tests.Liveness;

/// <summary>Every report says whether the liveness graphs were explored with symmetry, from the one place the results hold it.</summary>
[Collection(nameof(ConsoleCollection))]
public class SymmetricLivenessCliTests
{
    [Fact]
    public void The_text_report_says_with_symmetry_and_without_it_under_no_symmetry()
    {
        var with = InProcessCli.Run("check", "tests/models/liveness/blkq.hvm");
        var without = InProcessCli.Run("check", "tests/models/liveness/blkq.hvm", "--no-symmetry");

        Assert.Equal(0, with.ExitCode);
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("Liveness (explicit engine, with symmetry;", with.Stdout, StringComparison.Ordinal);
        Assert.Contains("Liveness (explicit engine, without symmetry;", without.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_interchangeable_members_is_explored_without_symmetry_and_says_so()
    {
        var r = InProcessCli.Run("check", "tests/models/liveness/tas_weak.hvm");

        Assert.Contains("Liveness (explicit engine, without symmetry;", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_html_and_e_mail_say_it_too()
    {
        var json = InProcessCli.Run("check", "tests/models/liveness/blkq.hvm", "--format", "json");
        var html = InProcessCli.Run("check", "tests/models/liveness/blkq.hvm", "--format", "html");
        var email = InProcessCli.Run("check", "tests/models/liveness/blkq.hvm", "--format", "email", "--no-symmetry");

        var live = System.Text.Json.JsonDocument.Parse(json.Stdout).RootElement.GetProperty("liveness").EnumerateArray().ToList();
        Assert.All(live, l => Assert.True(l.GetProperty("symmetry").GetBoolean()));
        Assert.Contains("Explored with symmetry.", html.Stdout, StringComparison.Ordinal);
        Assert.Contains("Liveness (without symmetry;", email.Stdout, StringComparison.Ordinal);
    }
}
