using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Explicit;
using HvModel.Symbolic.Engines;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// Differential testing of the two engines on generated models: random guards, effects,
/// invariants and covers over a small state space. Breadth-first search and BMC must agree on
/// every verdict and on the length of every shortest counterexample, and on whether a model
/// error is reachable at all.
/// </summary>
public class RandomModelDifferentialTests
{
    // The names ExprGenerator uses, with initial values so that the state space stays small.
    private const string Declarations = """
        model random
        type R = -2 .. 3
        type I = 0 .. 2
        enum E { A, B, C }
        type S = scalarset(2)
        var b: bool = false
        var c: bool in {false, true}
        var x: R = 0
        var y: 0 .. 4 = 0
        var e: E = A
        var a: array[I] of 0 .. 4 = 1
        var f: array[S] of bool = false
        var m: array[I] of array[bool] of R = 0
        hunk h1
        hunk h2
        variant v = { h1 }
        """;

    private const int Depth = 12;

    private static string Generate(int seed)
    {
        var g = new ExprGenerator(seed);
        return $"""
            {Declarations}
            action set_flags when {g.Bool(2)} do
              b := {g.Bool(2)}
              e := {g.Enum(1)}
            end
            action step_x when {g.Bool(1)} do
              if x < 3 then x := x + 1 else x := -2 end
            end
            action pick_y do
              any v: 0 .. 4 where v != y do y := v end
            end
            action toggle(s: S) when {g.Bool(1)} do
              f[s] := !f[s]
            end
            action flip_c when {g.Bool(1)} do c := !c end
            invariant p1: {g.Bool(2)}
            invariant p2: {g.Bool(3)}
            cover c1: {g.Bool(2)}
            allow deadlock
            """;
    }

    private static (IReadOnlyList<CheckResult>? Results, bool ModelError) Run(IEngine engine, Model model)
    {
        try
        {
            return (engine.Check(model, model.Variants[0], model.Properties, new CheckOptions { Depth = Depth, Timeout = TimeSpan.FromSeconds(60) }), false);
        }
        catch (ModelRuntimeFailure)
        {
            return (null, true);
        }
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 30; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Breadth_first_search_and_bmc_agree_on_a_generated_model(int seed)
    {
        var model = ModelLoader.LoadText(Generate(seed), $"random{seed}.hvm");
        var explicitEngine = new ExplicitEngine();

        var (bfs, bfsError) = Run(explicitEngine, model);
        var (bmc, bmcError) = Run(new BmcEngine(), model);

        Assert.Equal(bfsError, bmcError);
        if (bfs is null || bmc is null)
        {
            return;
        }

        Assert.True(explicitEngine.LastStats!.Depth <= Depth, "the generated model is deeper than the BMC bound");
        foreach (var e in bfs)
        {
            var s = bmc.Single(r => r.Property == e.Property);
            if (e.Trace is not null)
            {
                Assert.True(e.Verdict == s.Verdict, $"seed {seed}, {e.Property}: bfs {e.Verdict}, bmc {s.Verdict} ({s.Reason})");
                Assert.Equal(e.Trace.Length, s.Trace!.Length);
            }
            else
            {
                // Nothing reachable within the diameter: BMC must not find anything either.
                Assert.True(s.Verdict == Verdict.Unknown, $"seed {seed}, {e.Property}: bfs {e.Verdict}, bmc {s.Verdict}");
            }
        }
    }
}
