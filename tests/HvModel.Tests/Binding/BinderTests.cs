using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Tests.Binding;

public class BinderTests
{
    private const string Config = """
        enum Mode { fast, slow }
        const MODE: Mode = fast
        const N: 1 .. 4 = 2
        type Idx = 0 .. N - 1
        var a: array[Idx] of bool = false
        action flip(i: Idx) do a[i] := !a[i] end
        """;

    [Fact]
    public void Constants_are_overridden_by_name_and_shape_the_types()
    {
        var model = Check.Load(Config, new() { ["MODE"] = "slow", ["N"] = "3" });

        Assert.Equal("slow", model.Constants.Single(c => c.Name == "MODE").Display);
        Assert.Equal(3, model.Slots.Length);
        Assert.Equal("a[2]", model.Slots[2].Name);
    }

    [Theory]
    [InlineData("NOPE", "1", "<command line>:1:1: error: --const NOPE: the model declares no constant 'NOPE'")]
    [InlineData("N", "9", "<command line>:1:1: error: --const N=9: value 9 is out of range 1..4")]
    [InlineData("MODE", "3", "<command line>:1:1: error: --const MODE=3: expected a value of type Mode, got int")]
    [InlineData("MODE", "medium", "<command line>:1:1: error: --const MODE=medium: unknown name 'medium' (Mode has: fast, slow)")]
    [InlineData("N", "abc", "<command line>:1:1: error: --const N=abc: unknown name 'abc'")]
    public void Bad_constant_overrides_are_input_errors(string name, string value, string message)
    {
        var e = Assert.Throws<ModelError>(() => Check.Load(Config, new() { [name] = value }));

        Assert.Equal(message, e.Format());
    }

    [Fact]
    public void Expect_tables_apply_when_their_condition_holds_and_later_ones_override()
    {
        const string text = """
            const K = 1
            var x: bool = false
            hunk h "a hunk"
            variant pre = {}
            variant fix = { h }
            invariant p: !x
            expect (p)
              pre = (violated)
              fix = (holds)
            end
            expect when K = 2: (p)
              fix = (?)
            end
            """;

        var byDefault = Check.Load(text);
        var overridden = Check.Load(text, new() { ["K"] = "2" });

        Assert.Equal(Verdict.Violated, byDefault.Expected("pre", "p"));
        Assert.Equal(Verdict.Holds, byDefault.Expected("fix", "p"));
        Assert.Equal(Verdict.Unknown, overridden.Expected("fix", "p"));
    }

    [Fact]
    public void Procedure_arguments_are_evaluated_once_at_the_call()
    {
        // If 'v' were substituted by name, the second assignment would read the new x.
        var model = Check.Load("""
            var x: 0 .. 9 = 1
            var y: 0 .. 9 = 0
            procedure set_both(v: 0 .. 9) x := v + 1; y := v end
            action go when y = 0 do set_both(x) end
            """);
        var semantics = new Core.Evaluation.Semantics(model, model.Variants[0]);
        var next = new List<int[]>();

        semantics.Successors([1, 0], (_, _, s) => next.Add((int[])s.Clone()));

        Assert.Equal([2, 1], Assert.Single(next));
    }

    [Fact]
    public void Definitions_with_parameters_are_inlined()
    {
        var model = Check.Load("""
            type T = 0 .. 2
            var v: array[T] of bool = false
            def set(i: T) = v[i]
            invariant none: forall i: T . !set(i)
            """);

        Assert.IsType<QuantExpr>(model.Properties[0].Predicate);
    }

    [Fact]
    public void A_variant_names_each_hunk_once()
    {
        var e = Assert.Throws<ModelError>(() => Check.Load("hunk h\nvariant v = { h, h }"));

        Assert.Equal("test.hvm:2:18: error: variant 'v' names hunk 'h' twice", e.Format());
    }
}
