using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// Issue 21, defect 3: no property starves the others. A solver that hangs on one property's
/// queries (a fake z3 that stops at a line naming it) stands for a property that takes all the
/// time there is; the others must still be decided within --timeout, and a verdict once found
/// is never lost, whatever the depth.
/// </summary>
public sealed class TimeSharingTests : IDisposable
{
    private readonly FakeSolvers fakes = new();

    public void Dispose() => fakes.Dispose();

    // The cover is reached at depth 5; the invariant is never violated, and its queries from
    // depth 6 on never end (the fake hangs at the declaration of state 6).
    private const string CoverAtFive = """
        var x: 0 .. 7 = 0
        var y: 0 .. 7 = 0
        action up when x < 7 do x := x + 1 end
        action other when y < 7 do y := y + 1 end
        invariant never_both_seven: !(x = 7 and y = 7 and x != 7)
        cover five: x = 5
        """;

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Bmc_reaches_the_cover_at_depth_five_whatever_the_depth_and_the_hard_invariant(int depth)
    {
        var model = ModelLoader.LoadText(CoverAtFive);
        var solver = fakes.HangsOn("hang-at-6", "declare-const s6_0 ");
        var results = CheckRunner.Run(model, new BmcEngine(solver), [], [], new CheckOptions { Depth = depth, Timeout = TimeSpan.FromSeconds(4), CheckDeadlock = false });
        var five = results.Single(r => r.Property == "five");
        Assert.True(five.Verdict == Verdict.Holds, $"{five.Verdict}: {five.Reason}");
        Assert.Equal(5, five.Trace!.Length);
        Assert.Equal(Verdict.Unknown, results.Single(r => r.Property == "never_both_seven").Verdict);
    }

    // Spacer never answers for 'hard' (its clauses name 9001); 'easy' is proved in its slice.
    private const string HardAndEasy = """
        var x: 0 .. 7 = 0
        action up when x < 5 do x := x + 1 end
        action down when x > 0 do x := x - 1 end
        invariant hard: x + 9001 != 9008
        invariant easy: x <= 5
        allow deadlock
        """;

    [Fact]
    public void Pdr_gives_each_property_a_slice_so_a_hard_one_does_not_starve_an_easy_one()
    {
        var model = ModelLoader.LoadText(HardAndEasy);
        var solver = fakes.HangsOn("hang-on-9001", "9001");
        var results = CheckRunner.Run(model, new PdrEngine(solver), [], [], new CheckOptions { Timeout = TimeSpan.FromSeconds(8) });
        var easy = results.Single(r => r.Property == "easy");
        Assert.True(easy.Verdict == Verdict.Holds, $"{easy.Verdict}: {easy.Reason}");
        Assert.Equal(Verdict.Unknown, results.Single(r => r.Property == "hard").Verdict);
    }

    // Every query of variant 'slow' names 9001; variant 'fast' must still get its share.
    private const string SlowAndFast = """
        hunk h
        variant slow = { h }
        variant fast = {}
        var x: 0 .. 7 = 0
        action up when x < 3 do x := x + 1 end
        invariant p: hunk h -> x + 9001 != 9008
        cover top: x = 3
        allow deadlock
        """;

    [Fact]
    public void A_variant_that_takes_all_the_time_leaves_the_others_their_share()
    {
        var model = ModelLoader.LoadText(SlowAndFast);
        var solver = fakes.HangsOn("hang-on-9001-bmc", "9001");
        var results = CheckRunner.Run(model, new BmcEngine(solver), [], [], new CheckOptions { Depth = 10, Timeout = TimeSpan.FromSeconds(6) });
        Assert.All(results.Where(r => r.Variant == "fast"), r => Assert.True(r.Verdict == Verdict.Holds, $"fast / {r.Property}: {r.Verdict} {r.Reason}"));
        Assert.All(results.Where(r => r.Variant == "slow" && r.Property == "p"), r => Assert.Equal(Verdict.Unknown, r.Verdict));
    }
}
