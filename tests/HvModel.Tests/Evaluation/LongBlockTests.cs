using System.Text;
using HvModel.Core.Checking;
using HvModel.Core.Ir;

namespace HvModel.Tests.Evaluation;

/// <summary>
/// Found by bench/fuzz.sh (family HugeFileOfVariables): thousands of variables with an initial
/// value beside one choice in the init block made the executor recurse once per initialiser, and
/// the process died of a stack overflow (exit 134). A block's plain statements now run in a loop.
/// </summary>
public class LongBlockTests
{
    [Fact]
    public void Twenty_thousand_initialised_variables_beside_a_choice_run_and_give_verdicts()
    {
        var text = new StringBuilder("model many\nvar pick: 0 .. 1\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("var v").Append(i).Append(": bool = false\n");
        }

        text.Append("action flip do pick := 1 - pick end\ninvariant first: !v0\ncover one: pick = 1\n");
        var model = Check.Load(text.ToString());

        var results = Check.Explicit(model, new CheckOptions { Symmetry = false });

        Assert.Equal(Verdict.Holds, Check.Result(results, "default", "first").Verdict);
        Assert.Equal(Verdict.Holds, Check.Result(results, "default", "one").Verdict);
    }

    [Fact]
    public void Forty_thousand_initial_choices_run_without_overflowing_the_stack()
    {
        // Found by the HugeChain fuzz family: 'in {true, true, ...}' became one 'or' per choice.
        var choices = string.Join(", ", Enumerable.Repeat("true", 40_000));
        var model = Check.Load($"model m\nvar b: bool in {{{choices}, false}}\naction flip do b := !b end\ninvariant i: b or !b\n");

        var results = Check.Explicit(model);

        Assert.Equal(Verdict.Holds, Check.Result(results, "default", "i").Verdict);
    }

    [Fact]
    public void An_elsif_chain_past_the_nesting_limit_is_a_located_error()
    {
        // Found by the HugeChain fuzz family: 44,000 'elsif' arms overflowed the stack after parsing.
        var arms = string.Join(" ", Enumerable.Repeat("elsif false then skip", 44_000));
        var error = Assert.Throws<Core.Text.ModelError>(() => Check.Load($"model m\nvar x: bool = false\naction a do if false then skip {arms} else skip end end\n"));

        Assert.Contains("each 'elsif'", error.Message, StringComparison.Ordinal);
    }
}
