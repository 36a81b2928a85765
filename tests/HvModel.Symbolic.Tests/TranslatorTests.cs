using HvModel.Core.Binding;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Symbolic.Smt;
using HvModel.Symbolic.Translation;
using HvModel.TestSupport.Generation;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// The SMT translation against the evaluator on generated expressions and random states: z3
/// must give the term the evaluator's value, and the error term must be true exactly when the
/// evaluator raises a model error.
/// </summary>
public sealed class TranslatorTests
{
    public static TheoryData<string, int> Seeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var encoding in new[] { "int", "bv" })
        {
            for (var seed = 1; seed <= 6; seed++)
            {
                data.Add(encoding, seed);
            }
        }

        return data;
    }

    private static SmtArithmetic Encoding(string name) => name == "int" ? SmtArithmetic.Int : SmtArithmetic.BitVector;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Translated_expressions_have_the_evaluators_values(string encoding, int seed)
    {
        var a = Encoding(encoding);
        // Int expressions are compared through "= 0" and then taken apart again.
        const int Count = 60;
        var model = ModelLoader.LoadText(ModelGenerator.ExpressionModel((ulong)seed, Count, 4));
        var variant = model.GetVariant("v");
        var semantics = new Semantics(model, variant);
        var random = new Random(seed);
        using var z3 = new Z3Process();
        var names = new List<string>();
        for (var j = 0; j < model.Slots.Length; j++)
        {
            names.Add($"s_{j}");
            z3.Declare(names[j], a.Sort(model.Slots[j].Type));
        }

        var checkedValues = 0;
        var errors = 0;
        foreach (var p in model.Properties)
        {
            var expr = p.Name[1..].Length > 0 && int.Parse(p.Name[1..]) % 2 == 1 ? ((BinaryExpr)p.Predicate).Left : p.Predicate;
            var translator = new ExprTranslator(variant, model.FrameSize, a) { Slots = [.. names.Select((n, j) => a.Var(model.Slots[j].Type, n))] };
            var smt = translator.Translate(expr);
            for (var trial = 0; trial < 4; trial++)
            {
                var state = model.Slots.Select(s => s.Type.ValueAt(random.Next(s.Type.Count))).ToArray();
                int? expected;
                try
                {
                    expected = semantics.Evaluate(expr, state);
                }
                catch (ModelRuntimeError)
                {
                    expected = null;
                }

                z3.Send("(push 1)");
                for (var j = 0; j < state.Length; j++)
                {
                    z3.Assert(SmtTerms.Eq(names[j], a.Fit(model.Slots[j].Type, a.Constant(model.Slots[j].Type, state[j])).Term));
                }

                Assert.Equal(SolverStatus.Sat, z3.CheckSat().Status);
                var answer = Sexp.Parse(z3.Query($"(get-value ({smt.Term} {smt.Error}))"));
                z3.Send("(pop 1)");
                var error = answer.Items[1].Items[1].ToValue();
                if (expected is null)
                {
                    Assert.True(error == 1, $"{p.Name} in [{string.Join(',', state)}]: the evaluator raises an error, the translation does not");
                    errors++;
                }
                else
                {
                    Assert.True(error == 0, $"{p.Name} in [{string.Join(',', state)}]: a spurious error");
                    // Read only now: under an error the term may leave 32 bits (an overflow).
                    var value = a.DecodeValue(smt, answer.Items[0].Items[1]);
                    Assert.True(expected == value, $"{encoding} {p.Name} in [{string.Join(',', state)}]: evaluator {expected}, smt {value}");
                    checkedValues++;
                }
            }
        }

        Assert.True(checkedValues > Count, "too few values compared");
        Console.WriteLine($"seed {seed}: {checkedValues} values and {errors} model errors compared");
    }

    /// <summary>
    /// Every new integer operator on a grid of operands around zero (and past 32 bits):
    /// SMT-LIB's Euclidean div and mod must come out as C's truncation, and every model error
    /// of the evaluator (zero divisor, negative bit operand, overflow) must be the error term's.
    /// </summary>
    [Theory]
    [InlineData("int", "x / y")]
    [InlineData("bv", "x / y")]
    [InlineData("int", "x % y")]
    [InlineData("bv", "x % y")]
    [InlineData("int", "x band y")]
    [InlineData("bv", "x band y")]
    [InlineData("int", "x bor y")]
    [InlineData("bv", "x bor y")]
    [InlineData("int", "x bxor y")]
    [InlineData("bv", "x bxor y")]
    [InlineData("int", "x << y")]
    [InlineData("bv", "x << y")]
    [InlineData("int", "x >> y")]
    [InlineData("bv", "x >> y")]
    [InlineData("int", "(x * 60000000) / y")]
    [InlineData("bv", "(x * 60000000) / y")]
    [InlineData("int", "(x * 60000000) << y")]
    [InlineData("bv", "(x * 60000000) << y")]
    [InlineData("int", "(x * 60000000) % (y - 1)")]
    [InlineData("bv", "(x * 60000000) % (y - 1)")]
    [InlineData("int", "x / 3 + x % - 3 + (x >> 2) + (x band 6)")]
    [InlineData("bv", "x / 3 + x % - 3 + (x >> 2) + (x band 6)")]
    public void Division_and_bit_operators_match_the_evaluator_on_signed_operands(string encoding, string expr)
    {
        var a = Encoding(encoding);
        var model = ModelLoader.LoadText($"var x: -40 .. 40\nvar y: -40 .. 40\ncover p: ({expr}) = 0");
        var variant = model.Variants[0];
        var semantics = new Semantics(model, variant);
        var target = ((BinaryExpr)model.Properties[0].Predicate).Left;
        using var z3 = new Z3Process();
        var type = model.Slots[0].Type;
        z3.Declare("x", a.Sort(type));
        z3.Declare("y", a.Sort(type));
        var smt = new ExprTranslator(variant, model.FrameSize, a) { Slots = [a.Var(type, "x"), a.Var(type, "y")] }.Translate(target);
        int[] grid = [-40, -7, -3, -2, -1, 0, 1, 2, 3, 7, 31, 32, 40];
        var errors = 0;
        foreach (var x in grid)
        {
            foreach (var y in grid)
            {
                int? expected;
                try
                {
                    expected = semantics.Evaluate(target, [x, y]);
                }
                catch (ModelRuntimeError)
                {
                    expected = null;
                }

                z3.Send("(push 1)");
                z3.Assert(SmtTerms.Eq("x", a.Fit(type, a.Constant(type, x)).Term));
                z3.Assert(SmtTerms.Eq("y", a.Fit(type, a.Constant(type, y)).Term));
                Assert.Equal(SolverStatus.Sat, z3.CheckSat().Status);
                var answer = Sexp.Parse(z3.Query($"(get-value ({smt.Term} {smt.Error}))"));
                z3.Send("(pop 1)");
                var error = answer.Items[1].Items[1].ToValue();
                Assert.True((expected is null ? 1 : 0) == error, $"{expr} at x={x}, y={y}: evaluator {(expected is null ? "error" : expected)}, smt error {error}");
                if (expected is not null)
                {
                    Assert.Equal(expected, a.DecodeValue(smt, answer.Items[0].Items[1]));
                }
                else
                {
                    errors++;
                }
            }
        }

        Assert.True(expr.Contains('+', StringComparison.Ordinal) || errors > 0, "the grid meets no error case");
    }

    /// <summary>
    /// '%' and '/' by a constant when the dividend's interval is small and of one sign become
    /// comparisons in the Int encoding (and the intervals drop checks): every dividend of the
    /// interval, for divisors below, at and past the cut-off of four quotients, and of both signs.
    /// </summary>
    [Theory]
    [InlineData("0 .. 40", "x % 2")]
    [InlineData("0 .. 40", "x / 2")]
    [InlineData("0 .. 40", "x % 10")]
    [InlineData("0 .. 40", "x / 10")]
    [InlineData("0 .. 40", "x % 11")]
    [InlineData("0 .. 40", "x / 11")]
    [InlineData("0 .. 40", "x % 41")]
    [InlineData("0 .. 40", "x / 41")]
    [InlineData("0 .. 40", "x % -7")]
    [InlineData("0 .. 40", "x / -7")]
    [InlineData("-40 .. 0", "x % 11")]
    [InlineData("-40 .. 0", "x / 11")]
    [InlineData("-40 .. 0", "(x - 1) % 41")]
    [InlineData("1 .. 3", "(x + 1) % 2 + (x * 2) / 3 - (x band 2) + (x << 1) + (x >> 1)")]
    public void Small_dividends_of_one_sign_match_the_evaluator(string range, string expr)
    {
        foreach (var a in new[] { SmtArithmetic.Int, SmtArithmetic.BitVector })
        {
            var model = ModelLoader.LoadText($"var x: {range}\ncover p: ({expr}) = 0");
            var semantics = new Semantics(model, model.Variants[0]);
            var target = ((BinaryExpr)model.Properties[0].Predicate).Left;
            var type = model.Slots[0].Type;
            using var z3 = new Z3Process();
            z3.Declare("x", a.Sort(type));
            var smt = new ExprTranslator(model.Variants[0], model.FrameSize, a) { Slots = [a.Var(type, "x")] }.Translate(target);
            for (var o = 0; o < type.Count; o++)
            {
                var x = type.ValueAt(o);
                var expected = semantics.Evaluate(target, [x]);
                Assert.InRange(expected, smt.Lo, smt.Hi);
                z3.Send("(push 1)");
                z3.Assert(SmtTerms.Eq("x", a.Fit(type, a.Constant(type, x)).Term));
                Assert.Equal(SolverStatus.Sat, z3.CheckSat().Status);
                var answer = Sexp.Parse(z3.Query($"(get-value ({smt.Term} {smt.Error}))"));
                z3.Send("(pop 1)");
                Assert.Equal(0, answer.Items[1].Items[1].ToValue());
                Assert.True(expected == a.DecodeValue(smt, answer.Items[0].Items[1]), $"{a.Name} {expr} at x={x}: evaluator {expected}");
            }
        }
    }

    // Before: the ticket lock's (next + 1) % 2 became an ite over the sign, mod, and a 32-bit
    // overflow check of next + 1; Spacer took 42 s on its deadlock proof, 0.6 s on this form.
    [Fact]
    public void A_wrapping_counter_needs_neither_mod_nor_overflow_checks_in_the_int_encoding()
    {
        var model = ModelLoader.LoadText("var next: 0 .. 1\ncover p: ((next + 1) % 2) = 0");
        var type = model.Slots[0].Type;
        var a = SmtArithmetic.Int;
        var smt = new ExprTranslator(model.Variants[0], model.FrameSize, a) { Slots = [a.Var(type, "next")] }
            .Translate(((BinaryExpr)model.Properties[0].Predicate).Left);

        Assert.DoesNotContain("mod", smt.Term, StringComparison.Ordinal);
        Assert.Equal(SmtTerms.False, smt.Error);
        Assert.Equal((0L, 1L), (smt.Lo, smt.Hi));
    }
}
