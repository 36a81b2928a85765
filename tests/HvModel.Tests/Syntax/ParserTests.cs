using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Tests.Syntax;

public class ParserTests
{
    [Fact]
    public void Implication_is_right_associative_and_binds_loosest()
    {
        var e = Parser.ParseExpression("t", "a and b -> c or d -> e");

        var top = Assert.IsType<BinarySyntax>(e);
        Assert.Equal(BinaryOp.Implies, top.Op);
        Assert.Equal(BinaryOp.And, Assert.IsType<BinarySyntax>(top.Left).Op);
        var right = Assert.IsType<BinarySyntax>(top.Right);
        Assert.Equal(BinaryOp.Implies, right.Op);
        Assert.Equal(BinaryOp.Or, Assert.IsType<BinarySyntax>(right.Left).Op);
    }

    [Fact]
    public void Quantifier_body_extends_to_the_right()
    {
        var e = Parser.ParseExpression("t", "x and forall i: T . p[i] -> q[i]");

        var and = Assert.IsType<BinarySyntax>(e);
        Assert.Equal(BinaryOp.And, and.Op);
        var q = Assert.IsType<QuantSyntax>(and.Right);
        Assert.Equal(BinaryOp.Implies, Assert.IsType<BinarySyntax>(q.Body).Op);
    }

    [Fact]
    public void Not_may_stand_on_the_right_of_a_comparison()
    {
        var e = Assert.IsType<BinarySyntax>(Parser.ParseExpression("t", "a = not b and c"));

        Assert.Equal(BinaryOp.And, e.Op);
        var eq = Assert.IsType<BinarySyntax>(e.Left);
        Assert.Equal(BinaryOp.Equal, eq.Op);
        Assert.Equal(UnaryOp.Not, Assert.IsType<UnarySyntax>(eq.Right).Op);
    }

    [Fact]
    public void Arithmetic_precedence_is_conventional()
    {
        var e = Assert.IsType<BinarySyntax>(Parser.ParseExpression("t", "1 + 2 * 3 = 7"));

        Assert.Equal(BinaryOp.Equal, e.Op);
        var sum = Assert.IsType<BinarySyntax>(e.Left);
        Assert.Equal(BinaryOp.Add, sum.Op);
        Assert.Equal(BinaryOp.Multiply, Assert.IsType<BinarySyntax>(sum.Right).Op);
    }

    [Fact]
    public void Comments_and_semicolons_are_optional_separators()
    {
        var decls = Parser.ParseFile("t", "var x: bool = false -- a comment\naction a do x := true; x := false end;\n");

        Assert.Equal(2, decls.Count);
        var action = Assert.IsType<ActionDecl>(decls[1]);
        Assert.Equal(2, action.Body.Count);
    }

    [Fact]
    public void Errors_name_file_line_and_column()
    {
        var e = Assert.Throws<ModelError>(() => Parser.ParseFile("m.hvm", "var x: bool\n\n  action do end"));

        Assert.Equal("m.hvm:3:10: error: expected a name but found 'do'", e.Format());
    }

    [Fact]
    public void Unexpected_character_is_an_error_not_a_crash()
    {
        var e = Assert.Throws<ModelError>(() => Parser.ParseFile("m.hvm", "var x: bool = $"));

        Assert.Equal("m.hvm:1:15: error: unexpected character '$'", e.Format());
    }
}
