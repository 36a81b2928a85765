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
}
