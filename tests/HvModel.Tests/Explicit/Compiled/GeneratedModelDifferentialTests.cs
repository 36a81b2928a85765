using HvModel.Core.Binding;
using HvModel.Symbolic.Tests;

namespace HvModel.Tests.Explicit.Compiled;

/// <summary>
/// Compiled against interpreted successors on generated models: random guards, effects and
/// properties over every node kind, inside every statement kind (nested <c>any</c> with and
/// without <c>where</c>, <c>for</c> around <c>any</c>, <c>let</c>, <c>if</c> around
/// <c>any</c>), with values that often fall out of range, indices out of bounds and overflow.
/// </summary>
public class GeneratedModelDifferentialTests
{
    private const string Declarations = """
        model generated
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
        variant w = { h2 }
        """;

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
            action compute when {g.Bool(1)} do
              x := {g.Int(2)}
            end
            action pick(i: I, s: S) when {g.Bool(1)} do
              any v: 0 .. 4 where {g.Bool(1)} and v != a[i] do
                a[i] := v
                if {g.Bool(1)} then
                  any u: bool do f[s] := u end
                else
                  y := {g.Int(1)}
                end
              end
              c := {g.Bool(1)}
            end
            action loops when {g.Bool(1)} do
              for j: I do
                if {g.Bool(1)} then any u: 0 .. 1 do m[j][b] := u + {g.Int(1)} end end
              end
              let k = {g.Int(1)} in y := k end
            end
            action index when {g.Bool(1)} do
              a[{g.Int(1)}] := {g.Int(1)}
            end
            invariant p1: {g.Bool(2)}
            invariant p2: {g.Bool(3)}
            cover c1: {g.Bool(2)}
            allow deadlock
            """;
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 25; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compiled_and_interpreted_successors_agree_on_a_generated_model(int seed)
    {
        var model = ModelLoader.LoadText(Generate(seed), $"generated{seed}.hvm");
        foreach (var variant in model.Variants)
        {
            SuccessorDifferential.Compare(model, variant, maxStates: 800);
        }
    }

    [Fact]
    public void The_generated_models_meet_model_errors()
    {
        // Without errors the differential test would not test their detection.
        var errors = 0;
        for (var seed = 1; seed <= 25; seed++)
        {
            var model = ModelLoader.LoadText(Generate(seed), $"generated{seed}.hvm");
            var coverage = SuccessorDifferential.Compare(model, model.Variants[0], maxStates: 300);
            errors += coverage.ErrorStates + coverage.PropertyErrors;
        }

        Assert.True(errors > 25, $"only {errors} states with a model error in 25 generated models");
    }
}
