using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Explicit;
using HvModel.Symbolic.Engines;
using HvModel.Symbolic.Translation;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// The front end bounds expression and statement depth (parser, then binder after inlining) so
/// that no recursive pass overflows the stack. These tests take a model just inside those
/// bounds through every back end on a thread with a 1 MB stack, less than the 1.5 MB that
/// .NET gives worker threads on Linux; and they check that every binary operator has its case
/// in the evaluator and the SMT translator.
/// </summary>
public sealed class DepthLimitTests
{
    private static string Chain(string operand, int operands) => string.Join(" and ", Enumerable.Repeat(operand, operands));

    private static string DeepModel()
    {
        const int Levels = Parser.MaxNesting - 15;
        var ifs = string.Concat(Enumerable.Repeat("if x < 3 then ", Levels));
        var ends = string.Concat(Enumerable.Repeat(" end", Levels));
        return $"""
            var x: 0 .. 3 = 0
            var y: 0 .. 3 = 0
            def d = {Chain("x < 4", Levels)}
            procedure inner() {ifs}x := x + 1{ends} end
            procedure outer() {ifs}inner(){ends} end
            action step do outer() end
            action reset when x = 3 do x := 0; y := (y + 1) % 4 end
            invariant deep: d and {Chain("y < 4", Levels)}
            cover top: x = 3 and y = 3
            """;
    }

    private static void OnSmallStack(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 1 << 20);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("failed on a 1 MB stack", failure);
        }
    }

    [Fact]
    public void A_model_at_the_depth_limits_runs_in_every_engine_on_a_small_stack()
    {
        var model = ModelLoader.LoadText(DeepModel());
        var deep = model.Properties.Single(p => p.Name == "deep").Predicate;
        Assert.InRange(deep.Depth, Binder.MaxExprDepth - 40, Binder.MaxExprDepth);

        OnSmallStack(() =>
        {
            var options = new CheckOptions { Depth = 3, Timeout = TimeSpan.FromSeconds(60) };
            var explicitResults = CheckRunner.Run(model, new ExplicitEngine(), [], [], options);
            Assert.Equal(Verdict.Holds, explicitResults.Single(r => r.Property == "deep").Verdict);
            Assert.Equal(Verdict.Holds, explicitResults.Single(r => r.Property == "top").Verdict);

            var bmc = new BmcEngine().Check(model, model.Variants[0], model.Properties, options);
            Assert.Equal(Verdict.Unknown, bmc.Single(r => r.Property == "deep").Verdict);
        });
    }

    [Fact]
    public void Every_binary_operator_has_a_case_in_the_evaluator_and_the_translator()
    {
        var model = ModelLoader.LoadText("var x: 0 .. 3 = 1\nvar b: bool = true\ninvariant p: x = 0 and b");
        var and = (BinaryExpr)model.Properties[0].Predicate;
        var x = ((BinaryExpr)and.Left).Left;
        var b = and.Right;
        var semantics = new Semantics(model, model.Variants[0]);
        foreach (var arithmetic in new[] { SmtArithmetic.Int, SmtArithmetic.BitVector })
        {
            var translator = new ExprTranslator(model.Variants[0], model.FrameSize, arithmetic) { Slots = [arithmetic.Var(model.Slots[0].Type, "x"), SmtValue.Of("b")] };
            foreach (var op in Enum.GetValues<BinaryOp>())
            {
                var logical = op is BinaryOp.And or BinaryOp.Or or BinaryOp.Implies or BinaryOp.Iff;
                var operand = logical ? b : x;
                var e = new BinaryExpr(op, operand, operand, IntegerOps.IsArithmetic(op) ? IntType.Instance : BoolType.Instance, and.Span);

                semantics.Evaluate(e, [1, 1]);
                Assert.False(string.IsNullOrEmpty(translator.Translate(e).Term), op.ToString());
                Assert.False(string.IsNullOrEmpty(IntegerOps.Spelling(op)));
            }
        }
    }
}
