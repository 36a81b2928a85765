using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Explicit.Compiled;

namespace HvModel.Tests.Explicit.Compiled;

/// <summary>The compiled successor function against the interpreter, the reference semantics.</summary>
public class CompiledSuccessorsTests
{
    public static TheoryData<string> TestModels()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "holds", "violated" })
        {
            foreach (var file in Directory.GetFiles(Repo.Path("tests", "models", folder), "*.hvm").Order())
            {
                data.Add($"tests/models/{folder}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestModels))]
    public void Compiled_and_interpreted_successors_agree_on_every_reachable_state_of_a_test_model(string file)
    {
        var model = Check.LoadFile(file);
        foreach (var variant in model.Variants)
        {
            var coverage = SuccessorDifferential.Compare(model, variant);

            Assert.True(coverage.States > 1, $"{file}/{variant.Name}: only {coverage.States} state compared");
        }
    }

    /// <summary>
    /// The search hands the workers' instance numbers to the least-trace ranking as they are:
    /// they must be the ranking's order of instances (by action in declaration order, then by
    /// ordinal), or counterexamples would differ with workers.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestModels))]
    public void Compiled_instance_numbers_are_the_model_wide_ordinals(string file)
    {
        var model = Check.LoadFile(file);
        var compiled = CompiledSuccessors.Compile(new Semantics(model, model.Variants[0]), model.Properties);
        var id = 0;
        foreach (var action in model.Actions)
        {
            for (var ordinal = 0; ordinal < action.InstanceCount; ordinal++, id++)
            {
                var (a, args) = compiled.Instance(id);
                Assert.Same(action, a);
                Assert.Equal(ordinal, a.OrdinalOf(args));
            }
        }
    }

    [Theory]
    [InlineData("1", "2")]
    [InlineData("2", "2")]
    [InlineData("3", "1")]
    public void Compiled_and_interpreted_successors_agree_on_the_flagship_model(string cpus, string irqs)
    {
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = cpus, ["IRQS"] = irqs });
        foreach (var variant in model.Variants)
        {
            var coverage = SuccessorDifferential.Compare(model, variant, maxStates: 2_000);

            Assert.True(coverage.Transitions > 50, $"{variant.Name}: only {coverage.Transitions} transitions compared");
        }
    }

    [Theory]
    [InlineData("x := x + 2", "a value out of its variable's range")]
    [InlineData("x := 2147483647 + x", "32-bit overflow")]
    [InlineData("a[x + 2] := 1", "index out of range")]
    [InlineData("any v: 0 .. 3 do a[v] := 1 end", "index out of range in one branch of an any")]
    [InlineData("any v: 0 .. 3 do x := - (v - 2) * 2 end", "out of range in some branches only")]
    [InlineData("for i: 0 .. 3 do any b: bool do a[i] := 1 end end", "an error in a later iteration, after branching")]
    [InlineData("let k = x * 1073741824 in x := k end", "overflow in a let")]
    public void A_model_error_is_raised_exactly_as_the_interpreter_raises_it(string body, string what)
    {
        var text = $"""
            model errors
            var x: 0 .. 3 = 0
            var a: array[0 .. 2] of 0 .. 1 = 0
            action step when x < 3 do {body} end
            action inc when x < 3 do x := x + 1 end
            invariant small: a[x] = 0 or x < 3
            allow deadlock
            """;
        var model = Check.Load(text);

        var coverage = SuccessorDifferential.Compare(model, model.Variants[0]);
        var interpreted = Outcome(model, interpret: true);
        var compiled = Outcome(model, interpret: false);

        Assert.True(coverage.ErrorStates + coverage.PropertyErrors > 0, $"{what}: no model error met, the test tests nothing");
        Assert.Equal(interpreted, compiled);
    }

    [Fact]
    public void The_engine_gives_the_same_results_with_compiled_and_interpreted_successors()
    {
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = "2", ["IRQS"] = "2" });

        Assert.Equal(Outcome(model, interpret: true), Outcome(model, interpret: false));
    }

    [Fact]
    public void Switching_to_compiled_successors_in_the_middle_of_a_search_changes_no_result()
    {
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = "2", ["IRQS"] = "2" });

        Assert.Equal(Outcome(model, interpret: true), Outcome(model, interpret: false, compileAfter: 300));
    }

    [Fact]
    public void The_compiled_packer_packs_exactly_as_the_state_codec()
    {
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = "3", ["IRQS"] = "3" });
        var codec = new StateCodec(model.Slots);
        var pack = CompiledPacker.Compile(codec);
        var random = new Random(15);
        var state = new int[model.Slots.Length];
        for (var n = 0; n < 200; n++)
        {
            for (var i = 0; i < state.Length; i++)
            {
                state[i] = model.Slots[i].Type.ValueAt(random.Next(model.Slots[i].Type.Count));
            }

            var expected = new ulong[codec.Words];
            var actual = new ulong[codec.Words];
            codec.Pack(state, expected);
            pack(state, actual);

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void The_model_is_compiled_on_another_thread_once_the_interpreter_has_run_a_while_and_used_once_ready()
    {
        // Ten thousand states of v3 at 4x3 took the interpreter 1.5 s: the state count alone waited too long.
        var model = Check.LoadFile("tests/models/holds/counter.hvm");
        var variant = model.Variants[0];
        var semantics = new Semantics(model, variant);
        var adaptive = new AdaptiveSuccessors(semantics, [], new StateCodec(model.Slots), compileAfter: int.MaxValue);
        var state = semantics.ZeroState();
        semantics.InitialStates(s => s.CopyTo(state, 0));

        adaptive.Successors(state, (_, _, _) => Thread.Sleep(AdaptiveSuccessors.InterpretingBudget + TimeSpan.FromMilliseconds(20)));
        Assert.Null(adaptive.Compiled);

        // The interpreter goes on while the compile runs; the compiled code takes over when ready.
        var interpreted = new List<int[]>();
        adaptive.Successors(state, (_, _, next) => interpreted.Add((int[])next.Clone()));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (adaptive.Compiled is null && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(10);
            adaptive.Successors(state, (_, _, _) => { });
        }

        var compiled = new List<int[]>();
        adaptive.Successors(state, (_, _, next) => compiled.Add((int[])next.Clone()));
        Assert.NotNull(adaptive.Compiled);
        Assert.Matches("^compiled after [0-9]+ states in .*, on another thread while the interpreter went on\\)$", adaptive.Describe());
        Assert.NotEmpty(compiled);
        Assert.Equal(interpreted, compiled);
    }

    /// <summary>Everything a run reports, timings aside, as text.</summary>
    private static string Outcome(Model model, bool interpret, int compileAfter = 0)
    {
        try
        {
            var results = CheckRunner.Run(model, new ExplicitEngine { Interpret = interpret, CompileAfter = compileAfter }, [], [], new CheckOptions());
            return string.Join("\n", results.Select(r =>
                $"{r.Variant} {r.Property} {r.Verdict} {r.States} {r.Transitions} {r.Depth} {r.Reason} " +
                string.Join(" ; ", r.Trace?.Steps.Select(s => $"{s.Action?.Name}({string.Join(",", s.Args)}) [{string.Join(",", s.State)}]") ?? [])));
        }
        catch (ModelRuntimeFailure failure)
        {
            return $"model error: {failure.Error.Format()} in {failure.Action?.Name}({string.Join(",", failure.Args)}) after {failure.Trace.Length} steps";
        }
    }
}
