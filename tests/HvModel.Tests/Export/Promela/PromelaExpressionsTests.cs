using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Export.Promela;

namespace HvModel.Tests.Export.Promela;

/// <summary>
/// The Promela writer's expression simplifier: what is known while writing is computed with
/// HvModel's semantics, what would be a model error is left for pan, and an operand is dropped
/// only where HvModel would not evaluate it or could not fail on it.
/// </summary>
public sealed class PromelaExpressionsTests
{
    private static readonly SourceSpan At = SourceSpan.None;
    private static readonly RangeType Small = new(0, 2);
    private static readonly Hunk On = new("on", "applied", At);
    private static readonly Hunk Off = new("off", "not applied", At);

    // a: array[0..2] of bool; m: array[0..1] of array[1..3] of bool; x: 0..2; i: a let held at run time.
    private static readonly StateVar A = new("a", new ArrayType(Small, BoolType.Instance), 0, At);
    private static readonly StateVar M = new("m", new ArrayType(new RangeType(0, 1), new ArrayType(new RangeType(1, 3), BoolType.Instance)), 3, At);
    private static readonly StateVar X = new("x", Small, 9, At);
    private static readonly Local I = new("i", Small, 0);

    private readonly PromelaExpressions writer = new(new Variant("v", [On], "", At));

    public PromelaExpressionsTests() => writer.Locals[I] = PromelaCode.Runtime("let_i_0", false);

    [Theory]
    [InlineData(BinaryOp.Divide, 7, -2, -3)]     // truncation toward zero, as in C and HvModel
    [InlineData(BinaryOp.Modulo, -7, 2, -1)]     // the sign of the dividend
    [InlineData(BinaryOp.ShiftLeft, 1, 3, 8)]
    [InlineData(BinaryOp.BitXor, 6, 3, 5)]
    [InlineData(BinaryOp.Less, 2, 3, 1)]
    [InlineData(BinaryOp.Iff, 2, 0, 0)]
    public void Known_operands_are_computed_with_HvModels_semantics(BinaryOp op, int left, int right, int expected)
    {
        var code = writer.Code(Binary(op, Int(left), Int(right)));
        Assert.Equal(expected, code.Value);
        Assert.Equal(PromelaCode.Literal(expected), code.Text);
    }

    [Theory]
    [InlineData(BinaryOp.Add, int.MaxValue, 1, "(2147483647 + 1)")]
    [InlineData(BinaryOp.Divide, 1, 0, "(1 / 0)")]
    [InlineData(BinaryOp.BitAnd, -1, 3, "((-1) & 3)")]
    public void What_would_be_a_model_error_is_left_for_pan(BinaryOp op, int left, int right, string expected)
    {
        var code = writer.Code(Binary(op, Int(left), Int(right)));
        Assert.Null(code.Value);
        Assert.Equal(expected, code.Text);
        Assert.True(code.MayFail);
    }

    [Fact]
    public void A_known_left_operand_decides_before_the_right_one_is_written()
    {
        Assert.Equal(0, writer.Code(Binary(BinaryOp.And, Bool(false), Read(A, Local(I)))).Value);
        Assert.Equal(1, writer.Code(Binary(BinaryOp.Or, Bool(true), Read(A, Local(I)))).Value);
        Assert.Equal(1, writer.Code(Binary(BinaryOp.Implies, Bool(false), Read(A, Local(I)))).Value);
        Assert.Equal("a[let_i_0]", writer.Code(Binary(BinaryOp.And, Bool(true), Read(A, Local(I)))).Text);
    }

    [Fact]
    public void A_known_right_operand_drops_the_left_one_only_when_it_cannot_fail()
    {
        // x is read without an index: HvModel cannot fail on it, so 'x = 1 and false' is false.
        Assert.Equal(0, writer.Code(Binary(BinaryOp.And, Binary(BinaryOp.Equal, Var(X), Int(1)), Bool(false))).Value);

        // a[i] may be out of range in HvModel (a model error): it stays, and pan evaluates it.
        var kept = writer.Code(Binary(BinaryOp.And, Read(A, Local(I)), Bool(false)));
        Assert.Equal("(a[let_i_0] && 0)", kept.Text);
        Assert.Equal("a[let_i_0]", writer.Code(Binary(BinaryOp.Or, Read(A, Local(I)), Bool(false))).Text);
    }

    [Fact]
    public void Known_indices_are_folded_into_the_flattened_offset()
    {
        Assert.Equal("m[4]", writer.Code(Read(M, Int(1), Int(2))).Text); // 1 * 3 + (2 - 1)
        Assert.Equal("m[let_i_0 * 3 + 1]", writer.Code(Read(M, Local(I), Int(2))).Text);
        Assert.False(writer.Code(Read(M, Int(1), Int(2))).MayFail);
    }

    [Fact]
    public void A_known_index_outside_its_type_may_fail()
    {
        // m[0][4]: the flattened offset 3 is inside m, but 4 is no index of the inner array.
        var code = writer.Code(Binary(BinaryOp.And, Read(M, Int(0), Int(4)), Bool(false)));
        Assert.Equal("(m[3] && 0)", code.Text);
    }

    [Fact]
    public void Conditionals_and_hunks_known_while_writing_keep_one_side()
    {
        Assert.Equal("x", writer.Code(new CondExpr(new HunkExpr(On, At), Var(X), Int(2), Small, At)).Text);
        Assert.Equal("2", writer.Code(new CondExpr(new HunkExpr(Off, At), Var(X), Int(2), Small, At)).Text);
    }

    [Fact]
    public void Quantifiers_are_unrolled_and_folded()
    {
        var k = new Local("k", Small, 1);
        Assert.Equal("(a[0] && a[1] && a[2])", writer.Code(Quant(Quantifier.Forall, k, Read(A, Local(k)))).Text);
        Assert.Equal(1, writer.Code(Quant(Quantifier.Exists, k, Binary(BinaryOp.Equal, Local(k), Int(1)))).Value);
        Assert.Equal(2, writer.Code(Quant(Quantifier.Count, k, Binary(BinaryOp.Greater, Local(k), Int(0)))).Value);

        // k = 2 makes the body true whatever a holds; k = 0 and 1 count at run time.
        var body = Binary(BinaryOp.Or, Read(A, Local(k)), Binary(BinaryOp.Equal, Local(k), Int(2)));
        Assert.Equal("(1 + (a[0] -> 1 : 0) + (a[1] -> 1 : 0))", writer.Code(Quant(Quantifier.Count, k, body)).Text);

        // forall stops at the first false instance (k = 2); the ones before it stay only where they may fail.
        Assert.Equal(0, writer.Code(Quant(Quantifier.Forall, k, Binary(BinaryOp.Less, Local(k), Int(2)))).Value);
        var stops = Binary(BinaryOp.And, Binary(BinaryOp.Implies, Binary(BinaryOp.Equal, Local(k), Int(0)), Read(A, Local(I))), Binary(BinaryOp.Less, Local(k), Int(2)));
        Assert.Equal("(a[let_i_0] && false)", writer.Code(Quant(Quantifier.Forall, k, stops)).Text);
    }

    private static LiteralExpr Int(int value) => new(value, IntType.Instance, At);

    private static LiteralExpr Bool(bool value) => new(value ? 1 : 0, BoolType.Instance, At);

    private static VarExpr Var(StateVar v) => new(v, At);

    private static LocalExpr Local(Local l) => new(l, At);

    private static BinaryExpr Binary(BinaryOp op, Expr left, Expr right) =>
        new(op, left, right, op is >= BinaryOp.Equal ? BoolType.Instance : IntType.Instance, At);

    private static QuantExpr Quant(Quantifier q, Local variable, Expr body) =>
        new(q, variable, body, q == Quantifier.Count ? IntType.Instance : BoolType.Instance, At);

    private static Expr Read(StateVar v, params Expr[] indices)
    {
        Expr e = Var(v);
        foreach (var index in indices)
        {
            var array = (ArrayType)e.Type;
            e = new IndexExpr(e, index, array.Element, At);
        }

        return e;
    }
}
