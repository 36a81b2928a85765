using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

/// <summary>Defects found in review, each pinned by the input that showed it.</summary>
public class ReviewRegressionTests
{
    [Fact]
    public void An_order_dependent_loop_over_a_scalarset_turns_symmetry_off_instead_of_hiding_a_violation()
    {
        var model = Check.LoadFile("tests/models/violated/order_dependent_loop.hvm");

        var r = Check.Result(Check.Explicit(model), "default", "x_is_one");

        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.Null(Symmetry.For(model));
        Assert.StartsWith("symmetry off: the for loop over T at", Symmetry.Describe(model));
    }

    [Theory]
    [InlineData("for j: T do if !found then a[j] := 1; found := true end end", false)]
    [InlineData("for j: T do a[j] := 1 - a[j]; seen := true end", true)]
    [InlineData("for j: T do touch(j) end", true)]
    public void The_order_check_accepts_per_element_loops_and_rejects_first_element_picks(string loop, bool symmetric)
    {
        var model = Check.Load($"""
            type T = scalarset(2)
            var a: array[T] of 0 .. 1 = 0
            var found: bool = false
            var seen: bool = false
            procedure touch(k: T) a[k] := 1; seen := true end
            action go do {loop} end
            """);

        Assert.Equal(symmetric, Symmetry.For(model) is not null);
    }

    [Fact]
    public void The_flagship_keeps_its_symmetry()
    {
        Assert.NotNull(Symmetry.For(Check.LoadFile("properties/hv-pci-msi.hvp")));
    }

    [Fact]
    public void Integer_overflow_at_run_time_is_a_model_error_with_its_trace()
    {
        var model = Check.Load("var x: 0 .. 1 = 0\naction a when x + 2147483647 + 1 > 0 do x := 1 end");

        var failure = Assert.Throws<ModelRuntimeFailure>(() => Check.Explicit(model));

        Assert.Equal("test.hvm:2:15: error: integer overflow (values are 32-bit)", failure.Error.Format());
    }

    // Found by the generated-model differential test (seed 21): the failing action was named
    // after the last action the trace rebuild ran, and a violation BMC reports was lost.
    private const string ErrorAtDepthTwo = """
        type I = 0 .. 2
        var a: array[I] of bool = false
        var y: 0 .. 3 = 0
        var f: bool = false
        action pick_y do any v: 0 .. 3 do y := v end end
        action step when a[y] do f := true end
        action later do f := false end
        allow deadlock
        """;

    [Fact]
    public void A_model_error_names_the_action_that_fails()
    {
        var model = Check.Load(ErrorAtDepthTwo + "\ninvariant fine: true");

        var failure = Assert.Throws<ModelRuntimeFailure>(() => Check.Explicit(model));

        Assert.Equal("step", failure.Action!.Name);
        Assert.Equal(1, failure.Trace.Length);
        Assert.Contains("index 3 is out of range I", failure.Error.Message);
    }

    [Fact]
    public void A_violation_shorter_than_the_first_model_error_is_reported_as_bmc_does()
    {
        var model = Check.Load(ErrorAtDepthTwo + "\ninvariant not_one: y != 1");

        var r = Check.Result(Check.Explicit(model), "default", "not_one");

        Assert.Equal(Verdict.Violated, r.Verdict);
        Assert.Equal(1, r.Trace!.Length);
    }

    // Found in review of the symbolic engines: an error in a step from depth 0 must win over a
    // violation at depth 1 (it crashed the trace ranking instead).
    [Fact]
    public void A_model_error_counts_at_the_depth_of_the_state_whose_step_fails()
    {
        var model = Check.Load("""
            var x: 0 .. 3 = 0
            var y: 0 .. 3 = 0
            action a do y := y + 1 end
            action c do x := x + 4 end
            allow deadlock
            invariant inv: y < 1
            """);

        var failure = Assert.Throws<ModelRuntimeFailure>(() => Check.Explicit(model));

        Assert.Equal("c", failure.Action!.Name);
        Assert.Equal(0, failure.Trace.Length);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var text = "var x: bool = " + new string('(', 5000) + "true" + new string(')', 5000);

        var e = Assert.Throws<ModelError>(() => Check.Load(text));

        Assert.Contains("nested more than 200 levels deep", e.Message);
    }

    [Theory]
    [InlineData("--timeout", "1e300")]
    [InlineData("--timeout", "-1")]
    [InlineData("--depth", "-5")]
    [InlineData("--max-states", "0")]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "257")]
    public void Out_of_range_option_values_are_usage_errors(string option, string value)
    {
        var r = CliProcess.Run("check", "tests/models/holds/counter.hvm", option, value);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"hvmodel: error: {option} must", r.Stderr);
    }

    [Fact]
    public void An_unknown_option_and_a_missing_file_are_reported_without_positions()
    {
        var bogus = CliProcess.Run("check", "--bogus");
        var missing = CliProcess.Run("check", "no/such/model.hvm");

        Assert.Equal(2, bogus.ExitCode);
        Assert.Equal("hvmodel: error: unknown option '--bogus'", bogus.Stderr.Trim());
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("no/such/model.hvm: error: cannot read 'no/such/model.hvm': no such file", missing.Stderr.Trim());
    }

    [Fact]
    public void Wide_matrices_and_long_names_stay_within_80_columns()
    {
        var dir = Directory.CreateTempSubdirectory();
        var file = Path.Combine(dir.FullName, "wide.hvm");
        var invariants = string.Join("\n", Enumerable.Range(1, 9).Select(k => $"invariant property_number_{k}: x < {k + 1}"));
        File.WriteAllText(file, $"var x: 0 .. 9 = 0\naction up when x < 9 do x := x + 1 end\nhunk h\nvariant a_variant_with_a_rather_long_name = {{ h }}\nallow deadlock\n{invariants}\n");

        var r = CliProcess.Run("check", file);

        Assert.Equal(1, r.ExitCode);
        Assert.All(r.Stdout.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length}: {line}"));
        Assert.Contains("[9]", r.Stdout);
        dir.Delete(true);
    }
}
