using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;

namespace HvModel.Tests.Explicit;

/// <summary>
/// --max-memory and the whole-run deadline bound the explicit engine as they bound the solvers:
/// a run past either ends with unknown and the reason, never with holds.
/// </summary>
public class RunLimitTests
{
    private static Model Counters() => Check.LoadFile("bench/models/counters.hvm");

    [Fact]
    public void Max_memory_below_what_the_search_needs_gives_unknown_with_the_reason()
    {
        var results = CheckRunner.Run(Counters(), new ExplicitEngine(), [], [], new CheckOptions { MaxMemoryBytes = 4L << 20 });

        var bounded = Check.Result(results, "default", "bounded");
        Assert.Equal(Verdict.Unknown, bounded.Verdict);
        Assert.Contains("memory limit", bounded.Reason);
    }

    [Fact]
    public void A_deadline_already_past_gives_unknown_in_every_variant()
    {
        var options = new CheckOptions { Timeout = TimeSpan.FromSeconds(1), Deadline = DateTime.UtcNow - TimeSpan.FromSeconds(1) };

        var results = CheckRunner.Run(Counters(), new ExplicitEngine(), [], [], options);

        Assert.All(results.Where(r => r.Property != ExplicitEngine.DeadlockProperty), r =>
        {
            Assert.Equal(Verdict.Unknown, r.Verdict);
            Assert.Contains("time limit", r.Reason);
        });
    }
}
