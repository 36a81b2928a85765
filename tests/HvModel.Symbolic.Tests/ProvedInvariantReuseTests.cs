using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// pdr keeps every certified invariant and asks, before a goal's own Spacer call, whether one
/// of them already excludes the goal's bad states: deadlock freedom mostly, whose own query
/// spells out every action instance (v3 at 4x4: Spacer failed on it, "Overflow encountered
/// when expanding vector"). The goal is then decided by that invariant's own certificate.
/// </summary>
public sealed class ProvedInvariantReuseTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hvmodel-reuse-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    // Any invariant that proves below_four keeps x below 4, where 'up' or 'wrap' is enabled.
    private const string Counter = """
        var x: 0 .. 7 = 0
        action up when x < 3 do x := x + 1 end
        action wrap when x = 3 do x := 0 end
        invariant below_four: x < 4
        """;

    [Fact]
    public void Deadlock_freedom_implied_by_a_proved_invariant_needs_no_call_of_its_own()
    {
        var model = ModelLoader.LoadText(Counter);
        var results = new PdrEngine(portfolio: false).Check(model, model.Variants[0], model.Properties, new CheckOptions { DumpSmtDirectory = dir });

        var deadlock = results.Single(r => r.Property == Model.DeadlockProperty);
        Assert.Equal(Verdict.Holds, deadlock.Verdict);
        Assert.Contains("safety", deadlock.Certificate);
        Assert.Equal(Verdict.Holds, results.Single(r => r.Property == "below_four").Verdict);
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).ToList();
        Assert.Contains("pdr-default-implied-deadlock.smt2", files);
        Assert.DoesNotContain("pdr-default-horn-deadlock.smt2", files);
    }
}
