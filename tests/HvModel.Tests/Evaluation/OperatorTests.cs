using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Tests.Evaluation;

/// <summary>
/// '/', '%' and the bit operators in the reference evaluator: C's truncation toward zero,
/// model errors for a zero divisor, a negative bit operand and a result past 32 bits, and the
/// precedence the README documents.
/// </summary>
public class OperatorTests
{
    // x and y are state variables, so nothing is folded before the evaluator sees it.
    private static int? Eval(string expr, int x = 0, int y = 0)
    {
        var model = Check.Load($"var x: -1000 .. 1000\nvar y: -1000 .. 1000\ncover p: ({expr}) = 0");
        var left = ((BinaryExpr)model.Properties[0].Predicate).Left;
        try
        {
            return new Semantics(model, model.Variants[0]).Evaluate(left, [x, y]);
        }
        catch (ModelRuntimeError)
        {
            return null;
        }
    }

    [Theory]
    [InlineData(7, 2, 3, 1)]
    [InlineData(-7, 2, -3, -1)]
    [InlineData(7, -2, -3, 1)]
    [InlineData(-7, -2, 3, -1)]
    [InlineData(0, -5, 0, 0)]
    [InlineData(6, 3, 2, 0)]
    public void Division_and_remainder_truncate_toward_zero_as_in_C(int x, int y, int quotient, int remainder)
    {
        Assert.Equal(quotient, Eval("x / y", x, y));
        Assert.Equal(remainder, Eval("x % y", x, y));
    }

    [Fact]
    public void A_zero_divisor_is_a_model_error()
    {
        Assert.Null(Eval("x / y", 5, 0));
        Assert.Null(Eval("x % y", 5, 0));
        var model = Check.Load("var x: 0 .. 3 = 0\naction a do x := 4 / x end");
        var error = Assert.Throws<ModelRuntimeError>(() => new Semantics(model, model.Variants[0]).Successors([0], (_, _, _) => { }));
        Assert.Equal("test.hvm:2:18: error: division by zero", error.Format());
    }

    [Fact]
    public void The_one_quotient_past_32_bits_is_an_overflow()
    {
        Assert.Null(Eval("(- 2147483647 - 1 + x) / y", 0, -1));
        Assert.Equal(0, Eval("(- 2147483647 - 1 + x) % y", 0, -1));
    }

    [Theory]
    [InlineData("x band y", 12, 10, 8)]
    [InlineData("x bor y", 12, 10, 14)]
    [InlineData("x bxor y", 12, 10, 6)]
    [InlineData("x << y", 3, 4, 48)]
    [InlineData("x >> y", 48, 4, 3)]
    [InlineData("x >> y", 48, 40, 0)]
    [InlineData("x << y", 0, 40, 0)]
    [InlineData("x << y", 1, 30, 1 << 30)]
    public void Bit_operators_on_non_negative_integers(string expr, int x, int y, int expected) =>
        Assert.Equal(expected, Eval(expr, x, y));

    [Theory]
    [InlineData("x band y", -1, 3)]
    [InlineData("x bor y", 1, -3)]
    [InlineData("x bxor y", -1, -1)]
    [InlineData("x << y", 1, -1)]
    [InlineData("x >> y", -8, 1)]
    [InlineData("x << y", 1, 31)]
    [InlineData("x << y", 3, 30)]
    public void Bit_operators_reject_negative_operands_and_results_past_32_bits(string expr, int x, int y) =>
        Assert.Null(Eval(expr, x, y));

    [Theory]
    [InlineData("1 + 2 << 1", 6)]
    [InlineData("2 * 7 % 4", 2)]
    [InlineData("1 bor 2 band 3", 3)]
    [InlineData("1 bxor 3 band 2", 3)]
    [InlineData("7 - 4 - 2", 1)]
    [InlineData("100 / 10 / 5", 2)]
    [InlineData("if x band 1 = 0 then 1 else 2 end", 1)]
    public void Precedence_follows_the_documented_table(string expr, int expected) => Assert.Equal(expected, Eval(expr));

    [Fact]
    public void An_assigned_result_out_of_the_target_range_is_a_model_error()
    {
        var model = Check.Load("var x: 0 .. 7 = 7\naction a do x := x << 1 end");
        var error = Assert.Throws<ModelRuntimeError>(() => new Semantics(model, model.Variants[0]).Successors([7], (_, _, _) => { }));
        Assert.Contains("value 14 assigned to 'x' is out of its range", error.Message, StringComparison.Ordinal);
    }
}
