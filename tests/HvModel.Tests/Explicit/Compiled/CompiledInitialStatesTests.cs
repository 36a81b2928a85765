using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.Explicit.Compiled;

namespace HvModel.Tests.Explicit.Compiled;

/// <summary>
/// The compiled init block against the interpreter's: the same outcomes in the same order, a
/// model error where the interpreter meets one, and the limits still bounding a choice that
/// examines many values and keeps few.
/// </summary>
public sealed class CompiledInitialStatesTests
{
    [Theory]
    [InlineData("2", "2")]
    [InlineData("3", "3")]
    public void The_flagships_initial_states_come_in_the_interpreters_order(string cpus, string irqs)
    {
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = cpus, ["IRQS"] = irqs });
        var semantics = new Semantics(model, model.Variants[0]);
        var (compiled, ok) = Compiled(semantics);

        Assert.True(ok);
        Assert.Equal(Interpreted(semantics, out _), compiled);
        Assert.Equal(cpus == "3" ? 13_824 : 64, compiled.Count);
    }

    [Fact]
    public void The_flagships_init_block_at_3x3_is_compiled_and_at_2x2_left_to_the_interpreter()
    {
        CompiledInitialStates? For(string size) => CompiledInitialStates.For(new Semantics(Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = size, ["IRQS"] = size }), Check.LoadFile("model/hv-pci-msi.hvm").Variants[0]));

        Assert.NotNull(For("3"));
        Assert.Null(For("2"));
    }

    public static TheoryData<ulong> Seeds() => Check.Seeds(60);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_generated_models_init_block_gives_the_interpreters_outcomes_or_fails_where_it_fails(ulong seed)
    {
        var model = Check.Hostile(seed);
        foreach (var variant in model.Variants)
        {
            var semantics = new Semantics(model, variant);
            var expected = Interpreted(semantics, out var failed);
            var (compiled, ok) = Compiled(semantics);

            // Where compiled code fails, the interpreter runs the block again and raises the
            // exact error: what came before must be the start of its outcomes.
            Assert.Equal(!failed, ok);
            Assert.Equal(expected.Take(compiled.Count), compiled);
            if (ok)
            {
                Assert.Equal(expected.Count, compiled.Count);
            }
        }
    }

    [Fact]
    public void The_generated_init_blocks_branch_and_fail()
    {
        // Else the theory above compares only single outcomes and never the failure path.
        var (branching, failing) = (0, 0);
        for (var seed = 1UL; seed <= 60; seed++)
        {
            var model = Check.Hostile(seed);
            var outcomes = Interpreted(new Semantics(model, model.Variants[0]), out var failed);
            branching += outcomes.Count > 1 ? 1 : 0;
            failing += failed ? 1 : 0;
        }

        Assert.True(branching >= 10 && failing >= 3, $"{branching} init blocks branch, {failing} fail");
    }

    [Fact]
    public void The_time_limit_bounds_a_compiled_choice_that_keeps_few_of_many_values()
    {
        // 200 million values examined, one kept: nothing is stored for long, yet the limit holds.
        var model = Check.Load("""
            var x: 0 .. 200000000 = 0
            init
              any v: 0 .. 200000000 where v = 200000000 do x := v end
            end
            action tick do skip end
            invariant fine: x >= 0
            """);
        Assert.NotNull(CompiledInitialStates.For(new Semantics(model, model.Variants[0])));
        var engine = new ExplicitEngine();

        var r = Check.Result(CheckRunner.Run(model, engine, [], [], new CheckOptions { Timeout = TimeSpan.FromSeconds(0.5) }), "default", "fine");

        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Equal("time limit reached (0.5 s for the whole run)", r.Reason);
        Assert.InRange(engine.LastStats!.Seconds, 0.4, 30);
    }

    private static List<string> Interpreted(Semantics semantics, out bool failed)
    {
        var outcomes = new List<string>();
        failed = false;
        try
        {
            semantics.InitialStates(s => outcomes.Add(string.Join(' ', s)));
        }
        catch (ModelRuntimeError)
        {
            failed = true;
        }

        return outcomes;
    }

    private static (List<string> Outcomes, bool Ok) Compiled(Semantics semantics)
    {
        var outcomes = new List<string>();
        var ok = CompiledInitialStates.Compile(semantics).TryRun(s => outcomes.Add(string.Join(' ', s)), () => { });
        return (outcomes, ok);
    }
}
