using HvModel.Core.Checking;
using HvModel.Core.Text;
using HvModel.Explicit.Review;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Trust;

/// <summary>
/// Issue 21, defect 1: a model without an initial state passed everything (explicit 'holds'
/// with 0 states, pdr a certified proof). Every engine must refuse it as an input error.
/// </summary>
public class NoInitialStateTests
{
    [Theory]
    [InlineData("explicit")]
    [InlineData("bmc")]
    [InlineData("kind")]
    [InlineData("pdr")]
    public void Every_engine_refuses_a_model_without_initial_state(string engine)
    {
        var r = CliProcess.Run("check", "tests/models/errors/no_initial_state.hvm", "--engine", engine);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no_initial_state.hvm:6:6: error: no initial state:", r.Stderr);
        Assert.DoesNotContain("holds", r.Stdout);
    }

    [Fact]
    public void The_error_names_the_variants_whose_init_is_empty()
    {
        var r = CliProcess.Run("check", "tests/models/errors/no_initial_state_variant.hvm", "--format", "json");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no initial state in variant strict_only:", r.Stdout);
        Assert.Contains("\"line\": 11", r.Stdout);
    }

    [Fact]
    public void Ablate_refuses_a_subset_of_hunks_without_initial_state()
    {
        // Every declared variant has initial states; the subset without the hunk has none.
        var model = Check.Load("""
            model needs_hunk
            hunk seeds "gives the initial value"
            variant fixed = { seeds } "with it"
            var x: 0 .. 3 = 0
            init
              any v: 0 .. 3 where hunk seeds and v = 1 do x := v end
            end
            action step when x < 3 do x := x + 1 end
            invariant never_three: x != 3
            """);

        var error = Assert.Throws<ModelError>(() => Ablator.Run(model, model.GetVariant("fixed"), new CheckOptions()));

        Assert.StartsWith("no initial state in variant {}:", error.Message);
        Assert.Equal(6, error.Span.Line);
    }

    [Fact]
    public void A_choice_without_candidate_on_one_path_only_is_fine()
    {
        var model = Check.Load("""
            model some_paths
            var x: 0 .. 3 = 0
            init
              any b: bool do
                any v: 0 .. 3 where b and v = 2 do x := v end
              end
            end
            action step when x > 0 do x := x - 1 end
            invariant small: x <= 2
            """);

        var results = Check.Explicit(model);

        Assert.Equal(Core.Ir.Verdict.Holds, Check.Result(results, "default", "small").Verdict);
        Assert.Equal(3, results[0].States);
    }
}
