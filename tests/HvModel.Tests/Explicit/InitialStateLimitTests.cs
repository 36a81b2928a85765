using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

/// <summary>
/// Issue 13 defects 3 and 4: the initial-state phase honours --max-states and --timeout, and a
/// model whose initial choices nest too deep to enumerate is not run: every verdict is unknown,
/// with the reason, never holds.
/// </summary>
public class InitialStateLimitTests
{
    [Fact]
    public void The_state_limit_bounds_the_initial_states_and_a_violation_among_them_is_still_found()
    {
        var r = CliProcess.Run("check", "tests/models/limits/wide_initial.hvm", "--max-states", "20000", "--timeout", "120");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("default: 20000 states, 0 transitions, depth 0 (a partial search: state limit reached (20000 states))", r.Stdout);
        Assert.Contains("== default / below_five: violated in 0 steps (explicit)", r.Stdout);
        Assert.Contains("unknown: default / deadlock: state limit reached (20000 states)", r.Stdout);
    }

    [Fact]
    public void The_time_limit_bounds_the_initial_states()
    {
        var model = Check.Load("var x: 0 .. 21474836\naction tick do skip end\ninvariant fine: x >= 0");
        var engine = new ExplicitEngine();

        var r = Check.Result(CheckRunner.Run(model, engine, [], [], new CheckOptions { Timeout = TimeSpan.FromSeconds(0.5) }), "default", "fine");

        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Equal("time limit reached (0.5 s for the whole run)", r.Reason);
        Assert.InRange(r.States, 1, 21474836);
        Assert.False(r.Complete);
        // Stopped at the limit, not after enumerating 21 million initial states (minutes).
        Assert.InRange(engine.LastStats!.Seconds, 0.5, 60);
    }

    [Fact]
    public void Initial_choices_nested_too_deep_give_unknown_not_a_crash()
    {
        var r = CliProcess.Run("check", "tests/models/limits/wide_choice.hvm", "--no-symmetry", "--timeout", "10");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("unknown: default / fine: the initial states cannot be enumerated: the init block nests 40001 steps deep", r.Stdout.ReplaceLineEndings(" ").Replace("   ", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void The_issue_reproducer_with_a_million_element_scalarset_is_refused_at_once()
    {
        var model = Check.Load("type T = scalarset(1000000)\nvar a: array[T] of 0 .. 1\naction flip do skip end");

        Assert.StartsWith("the initial states cannot be enumerated", ExecutionDepth.Problem(model));
        var r = Assert.Single(CheckRunner.Run(model, new ExplicitEngine(), [], [], new CheckOptions { Symmetry = false }));
        Assert.Equal(Verdict.Unknown, r.Verdict);
    }

    [Fact]
    public void Nesting_counts_choices_and_the_statements_run_inside_them()
    {
        var repository = new[] { "tests/models/holds/mutex.hvm", "tests/models/holds/tokens.hvm", "tests/models/violated/refcount.hvm", "model/hv-pci-msi.hvm" };

        foreach (var file in repository)
        {
            Assert.Null(ExecutionDepth.Problem(Check.LoadFile(file)));
        }

        var small = Check.Load("type T = 0 .. 99\nvar a: array[T] of bool\naction flip do skip end");
        Assert.Equal(201, ExecutionDepth.Nesting(small.Init));
    }

    [Fact]
    public void A_memory_budget_ends_the_search_instead_of_the_process()
    {
        // States of 1 MiB each: room for 8 at first, then 16 (within 20 MiB), then 32 (beyond).
        var store = new StateStore(words: 1 << 17, memoryBudget: 20L << 20);

        var e = Record.Exception(() =>
        {
            var packed = new ulong[1 << 17];
            for (var i = 0; i < 40; i++)
            {
                packed[0] = (ulong)i;
                store.Add(packed, -1, out _);
            }
        });

        Assert.IsType<SearchStopped>(e);
        Assert.Contains("memory limit reached", e.Message);
        Assert.Equal(16, store.Count);
    }
}
