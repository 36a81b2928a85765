using HvModel.Core.Ir;

namespace HvModel.Tests.Scenarios;

/// <summary>
/// Scenario 5 (a494aef23dfc and its fix 9636be85cc5b, docs/findings.md): the retarget
/// hypercall's per-CPU input page on the hibernation CPU path.
/// </summary>
public class HypercallInputPageTests
{
    private static string[] Verdicts(string page)
    {
        var results = Check.Explicit(Check.LoadFile("properties/scenarios.hvp", new() { ["INPUT_PAGE"] = page }));
        return [.. new[] { "pre", "a_only", "b_only", "v1", "v3" }.Select(v => $"{v}: {Check.Result(results, v, "valid_hypercall_input").Verdict}")];
    }

    [Fact]
    public void The_per_cpu_page_is_used_on_the_dying_cpu_except_where_v1_skips_the_hypercall() =>
        Assert.Equal(["pre: Violated", "a_only: Violated", "b_only: Violated", "v1: Holds", "v3: Violated"], Verdicts("percpu"));

    [Theory]
    [InlineData("dedicated")]
    [InlineData("percpu_hotplug_safe")]
    public void The_dedicated_buffer_and_the_fix_are_safe(string page) =>
        Assert.All(Verdicts(page), row => Assert.EndsWith("Holds", row));

    [Fact]
    public void The_shortest_story_is_the_migration_off_the_dying_cpu()
    {
        var model = Check.LoadFile("properties/scenarios.hvp", new() { ["INPUT_PAGE"] = "percpu" });
        var result = Check.Result(Check.Explicit(model), "v3", "valid_hypercall_input");

        Assert.Equal(Verdict.Violated, result.Verdict);
        Assert.Equal("migrate_one_irq", result.Trace!.Steps[^1].Action!.Name);
    }
}
