using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Explicit.Review;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Review;

public class AblationTests
{
    [Fact]
    public void Ablate_json_gives_deliverable_one_minimal_set_unmask_always_and_restore_msi_state()
    {
        var r = CliProcess.Run("ablate", "--format", "json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("v3", root.GetProperty("variant").GetString());
        Assert.Equal(["unmask_always", "quiet_when_removing", "restore_msi_state"], root.GetProperty("hunks").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(8, root.GetProperty("subsets").GetArrayLength());
        var deliverable = root.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("property").GetString() == "deliverable");
        var minimal = Assert.Single(deliverable.GetProperty("minimal_sufficient").EnumerateArray());
        Assert.Equal(["unmask_always", "restore_msi_state"], minimal.EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["unmask_always", "restore_msi_state"], deliverable.GetProperty("necessary").EnumerateArray().Select(h => h.GetString()));
        var empty = root.GetProperty("subsets")[0];
        Assert.Equal(0, empty.GetProperty("hunks").GetArrayLength());
        Assert.Equal("violated", empty.GetProperty("verdicts").GetProperty("deliverable").GetString());
        Assert.Equal("holds", empty.GetProperty("verdicts").GetProperty("no_send_on_closed").GetString());
    }

    [Fact]
    public void Two_alternative_fixes_are_two_minimal_sets_and_neither_hunk_is_necessary()
    {
        var model = Check.Load("""
            model either
            hunk left "one fix"
            hunk right "another fix"
            hunk noise "changes nothing that matters"
            variant all = { left, right, noise }
            var x: 0 .. 3 = 0
            action step when x < 3 do if hunk left or hunk right then x := 1 else x := x + 1 end end
            invariant small: x < 2
            """);

        var a = Ablator.Run(model, model.GetVariant("all"), new CheckOptions());

        var minimal = a.MinimalSufficient("small").Select(s => string.Join("+", s.Select(h => h.Name))).Order().ToList();
        Assert.Equal(["left", "right"], minimal);
        Assert.Empty(a.Necessary("small"));
        Assert.True(a.Monotone("small"));
    }

    [Fact]
    public void A_hunk_in_every_fixing_subset_is_necessary()
    {
        var model = Check.Load("""
            model both
            hunk a "half a fix"
            hunk b "the other half"
            variant ab = { a, b }
            var x: 0 .. 3 = 0
            action step when x < 3 do if hunk a and hunk b then x := 1 else x := x + 1 end end
            invariant small: x < 2
            """);

        var a = Ablator.Run(model, model.GetVariant("ab"), new CheckOptions());

        Assert.Equal(["a", "b"], a.Necessary("small").Select(h => h.Name));
        Assert.Equal(["a+b"], a.MinimalSufficient("small").Select(s => string.Join("+", s.Select(h => h.Name))));
    }
}
