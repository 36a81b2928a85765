using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Tests.Evaluation;

public class SemanticsTests
{
    private static List<int[]> Successors(Model model, int[] state)
    {
        var semantics = new Semantics(model, model.Variants[0]);
        var result = new List<int[]>();
        semantics.Successors(state, (_, _, s) => result.Add((int[])s.Clone()));
        return result;
    }

    private static List<int[]> Initial(Model model)
    {
        var semantics = new Semantics(model, model.Variants[0]);
        var result = new List<int[]>();
        semantics.InitialStates(s => result.Add((int[])s.Clone()));
        return result;
    }

    [Fact]
    public void Statements_run_in_order_each_seeing_the_ones_before()
    {
        var model = Check.Load("var x: 0 .. 5 = 0\nvar y: 0 .. 5 = 0\naction a when x = 0 do x := 2; y := x + 1 end");

        Assert.Equal([2, 3], Assert.Single(Successors(model, [0, 0])));
    }

    [Fact]
    public void Any_gives_one_successor_per_value_satisfying_where()
    {
        var model = Check.Load("var x: 0 .. 9 = 0\naction a do any v: 0 .. 9 where v > 6 do x := v end end");

        Assert.Equal(new[] { 7, 8, 9 }, Successors(model, [0]).Select(s => s[0]));
    }

    [Fact]
    public void Any_with_no_value_disables_the_step()
    {
        var model = Check.Load("var x: 0 .. 3 = 0\naction a do any v: 0 .. 3 where v > 5 do x := v end end");

        Assert.Empty(Successors(model, [0]));
    }

    [Fact]
    public void Nested_any_inside_for_branches_independently_per_iteration()
    {
        // Two elements, each any bool: four outcomes, and each loop index keeps its own value.
        var model = Check.Load("type I = 0 .. 1\nvar a: array[I] of bool = false\naction go do for i: I do any b: bool do a[i] := b end end end");

        var outcomes = Successors(model, [0, 0]).Select(s => $"{s[0]}{s[1]}").Order().ToList();

        Assert.Equal(["00", "01", "10", "11"], outcomes);
    }

    [Fact]
    public void Uninitialised_variables_start_with_every_value()
    {
        var model = Check.Load("var x: 2 .. 4\nvar b: bool in {true}");

        Assert.Equal(new[] { "2,1", "3,1", "4,1" }, Initial(model).Select(s => string.Join(",", s)));
    }

    [Fact]
    public void Assigning_outside_the_range_is_a_model_error()
    {
        var model = Check.Load("var x: 0 .. 3 = 3\naction up do x := x + 1 end");

        var e = Assert.Throws<ModelRuntimeError>(() => Successors(model, [3]));

        Assert.Equal("test.hvm:2:14: error: value 4 assigned to 'x' is out of its range 0..3", e.Format());
    }

    [Fact]
    public void Indexing_outside_the_range_is_a_model_error()
    {
        var model = Check.Load("type I = 0 .. 1\nvar a: array[I] of bool = false\nvar k: 0 .. 2 = 2\naction go do a[k] := true end");

        var e = Assert.Throws<ModelRuntimeError>(() => Successors(model, [0, 0, 2]));

        Assert.Equal("index 2 is out of range I", e.Message);
    }

    [Theory]
    [InlineData("count i: I . a[i]", 2)]
    [InlineData("if a[0] then 10 else 20 end", 10)]
    [InlineData("-(3 - 5) * 2", 4)]
    [InlineData("(forall i: I . a[i]) <-> false", 1)]
    [InlineData("exists i: I . !a[i]", 1)]
    [InlineData("a[0] -> a[2]", 0)]
    public void Expressions_evaluate_as_documented(string expr, int expected)
    {
        var model = Check.Load($"type I = 0 .. 2\nvar a: array[I] of bool\ndef probe = {expr}\ninvariant p: probe = probe");
        var semantics = new Semantics(model, model.Variants[0]);
        var equality = (BinaryExpr)model.Properties[0].Predicate;

        Assert.Equal(expected, semantics.Evaluate(equality.Left, [1, 1, 0]));
    }

    [Fact]
    public void Hunks_are_true_exactly_in_the_variants_that_apply_them()
    {
        var model = Check.Load("hunk h\nvariant off = {}\nvariant on = { h }\nvar x: bool = false\ninvariant p: hunk h");

        var values = model.Variants.Select(v => new Semantics(model, v).Holds(model.Properties[0], [0]));

        Assert.Equal([false, true], values);
    }
}
