using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Symbolic.Engines;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Tests;

/// <summary>What happens when the solver does not answer: Unknown with a reason, never Holds.</summary>
public sealed class SolverFailureTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("hvmodel-z3-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private string FakeSolver(string name, string body)
    {
        return ExecutableScript.Write(Path.Combine(dir, name), body);
    }

    private static IEngine[] Engines(string solver) => [new BmcEngine(solver), new KInductionEngine(solver), new PdrEngine(solver)];

    [Fact]
    public void A_solver_that_answers_unknown_gives_unknown_never_holds()
    {
        var solver = FakeSolver("unknown-z3", """
            while IFS= read -r line; do
              case "$line" in
                *"(check-sat"*) echo unknown ;;
                *"(get-info :reason-unknown)"*) echo '(:reason-unknown "incomplete quantifiers")' ;;
                *"(echo "*) echo hvmodel-sync ;;
                *"(exit)"*) exit 0 ;;
              esac
            done
            """);
        var model = ModelLoader.LoadText(TestModels.Mutex);
        foreach (var engine in Engines(solver))
        {
            var results = engine.Check(model, model.GetVariant("fixed"), model.Properties, new CheckOptions { Depth = 5 });
            Assert.All(results, r =>
            {
                Assert.Equal(Verdict.Unknown, r.Verdict);
                Assert.Contains("incomplete quantifiers", r.Reason);
            });
        }
    }

    // Found in review: when Spacer gave up, the portfolio stopped BMC too and said unknown.
    [Fact]
    public void When_spacer_gives_up_bmc_still_finds_the_violation()
    {
        // A real z3 for every session, except that a Horn session answers unknown.
        var solver = FakeSolver("spacer-gives-up-z3", $$"""
            fifo="{{dir}}/in-$$"
            mkfifo "$fifo"
            z3 "$@" < "$fifo" &
            exec 3> "$fifo"
            horn=0
            while IFS= read -r line; do
              case "$line" in *"(set-logic HORN)"*) horn=1 ;; esac
              if [ "$horn" = 1 ]; then
                case "$line" in
                  *"(check-sat"*) echo unknown ;;
                  *"(get-info :reason-unknown)"*) echo '(:reason-unknown "gave up")' ;;
                  *"(echo "*) echo hvmodel-sync ;;
                  *"(exit)"*) exec 3>&-; rm -f "$fifo"; exit 0 ;;
                esac
              else
                printf '%s\n' "$line" >&3
              fi
            done
            exec 3>&-
            wait
            rm -f "$fifo"
            """);
        var model = ModelLoader.LoadText(TestModels.Mutex);
        var exclusive = model.GetProperty("exclusive");

        var r = new PdrEngine(solver).Check(model, model.GetVariant("buggy"), [exclusive], new CheckOptions { Depth = 10 })[0];

        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.Equal(4, r.Trace!.Length);
    }

    [Fact]
    public void A_solver_that_hangs_is_killed_and_gives_unknown()
    {
        var solver = FakeSolver("silent-z3", "exec sleep 3600\n");
        var model = ModelLoader.LoadText(TestModels.Counter);
        var options = new CheckOptions { Depth = 5, Timeout = TimeSpan.FromMilliseconds(100) };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = new PdrEngine(solver).Check(model, model.Variants[0], [model.GetProperty("below_six")], options)[0];
        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Contains("timeout", r.Reason);
        // The fake sleeps an hour: a run that waited for it would not end within this loose bound.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), $"{watch.Elapsed}");
    }

    [Fact]
    public void A_real_timeout_of_one_millisecond_never_gives_holds()
    {
        var model = ModelLoader.LoadText(TestModels.Slots);
        var options = new CheckOptions { Depth = 8, Timeout = TimeSpan.FromMilliseconds(1) };
        foreach (var engine in Engines(Z3Process.DefaultExecutable))
        {
            foreach (var r in engine.Check(model, model.Variants[0], model.Properties, options))
            {
                // not_all_two and sum_small are violated, pos_three_flag is reached: whatever a
                // starved solver manages, it must not claim a violated invariant holds.
                if (r.Kind == PropertyKind.Invariant)
                {
                    Assert.NotEqual(Verdict.Holds, r.Verdict);
                }

                if (r.Verdict == Verdict.Unknown)
                {
                    Assert.False(string.IsNullOrEmpty(r.Reason));
                }
            }
        }
    }

    [Fact]
    public void A_missing_solver_is_reported_as_such()
    {
        var model = ModelLoader.LoadText(TestModels.Counter);
        var e = Assert.Throws<Z3NotFoundException>(() =>
            new BmcEngine(Path.Combine(dir, "no-such-z3")).Check(model, model.Variants[0], model.Properties, new CheckOptions()));
        Assert.Equal("z3 not found: run ./setup", e.Message);
        Assert.Throws<Z3NotFoundException>(() => Z3Process.Version(Path.Combine(dir, "no-such-z3")));
    }

    [Fact]
    public void The_solver_version_is_available()
    {
        Assert.StartsWith("Z3 version", Z3Process.Version());
    }

    [Fact]
    public void Dumped_queries_rerun_with_z3()
    {
        var model = ModelLoader.LoadText(TestModels.Counter);
        var options = new CheckOptions { Depth = 5, DumpSmtDirectory = dir };
        new BmcEngine().Check(model, model.Variants[0], [model.GetProperty("below_three")], options);
        new PdrEngine().Check(model, model.Variants[0], [model.GetProperty("below_six")], options);
        var files = Directory.GetFiles(dir, "*.smt2");
        Assert.Contains(files, f => Path.GetFileName(f) == "bmc-default-bmc.smt2");
        Assert.Contains(files, f => Path.GetFileName(f) == "pdr-default-horn-below_six.smt2");
        Assert.Contains(files, f => Path.GetFileName(f) == "pdr-default-implied-deadlock.smt2"); // does below_six's invariant exclude deadlock?
        foreach (var f in files)
        {
            DumpedScript.AssertRerunsWithZ3(f);
        }
    }
}
