using System.Text.Json;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Explicit;

/// <summary>
/// Issue 14 item 2: deadlock is a column of expect tables like any property, per variant;
/// <c>--no-deadlock</c> leaves the cell not checked, which never counts as a difference.
/// </summary>
public class DeadlockPerVariantTests
{
    private const string Model = "tests/models/violated/deadlock_variants.hvm";

    [Fact]
    public void An_expected_deadlock_passes_and_the_fixed_variant_is_still_checked()
    {
        var results = Check.Explicit(Check.LoadFile(Model));

        var buggy = Check.Result(results, "buggy", "deadlock");
        var fixedOne = Check.Result(results, "fixed", "deadlock");
        Assert.Equal((Verdict.Violated, Verdict.Violated, false), (buggy.Verdict, buggy.Expected, buggy.Differs));
        Assert.Equal((Verdict.Holds, Verdict.Holds), (fixedOne.Verdict, fixedOne.Expected));
        Assert.Equal(0, CheckRunner.ExitCode(results));
    }

    [Fact]
    public void Check_exits_0_with_a_deadlock_column_in_the_matrix()
    {
        var r = CliProcess.Run("check", Model);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("buggy   holds     VIOLATED", r.Stdout);
        Assert.Contains("fixed   holds     holds", r.Stdout);
        Assert.Contains("[2] deadlock", r.Stdout);
        Assert.DoesNotContain("DIFFERS", r.Stdout);
    }

    [Fact]
    public void A_deadlock_where_the_table_expects_none_differs_even_with_allow_deadlock()
    {
        // 'allow deadlock' used to hide every variant's deadlock; a table's cell overrides it.
        var text = File.ReadAllText(Repo.Path(Model)).Replace("fixed = (holds, reached, holds)", "fixed = (holds, reached, holds)\n  buggy = (holds, reached, holds)", StringComparison.Ordinal) + "\nallow deadlock\n";

        var r = Check.Result(Check.Explicit(Check.Load(text)), "buggy", "deadlock");

        Assert.True(r.Differs);
    }

    [Fact]
    public void No_deadlock_turns_the_check_off_and_leaves_the_cells_not_checked()
    {
        var r = CliProcess.Run("check", Model, "--no-deadlock", "--format", "json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var cells = doc.RootElement.GetProperty("results").EnumerateArray().Where(e => e.GetProperty("property").GetString() == "deadlock").ToList();
        Assert.Equal(2, cells.Count);
        Assert.All(cells, c => Assert.Equal(("unchecked", false), (c.GetProperty("verdict").GetString(), c.GetProperty("differs").GetBoolean())));
    }

    [Fact]
    public void No_deadlock_lets_a_model_that_deadlocks_pass()
    {
        const string text = "var x: 0 .. 2 = 0\naction up when x < 2 do x := x + 1 end\ninvariant ok: x <= 2";
        var model = Check.Load(text);

        var on = Check.Explicit(model);
        var off = Check.Explicit(model, new CheckOptions { NoDeadlock = true });

        Assert.Equal(1, CheckRunner.ExitCode(on));
        Assert.Equal(0, CheckRunner.ExitCode(off));
        Assert.Equal(Verdict.NotChecked, Check.Result(off, "default", "deadlock").Verdict);
        Assert.Equal(DeadlockPolicy.NoDeadlockReason, Check.Result(off, "default", "deadlock").Reason);
    }

    // Issue 21, defect 4: the symbolic engines used to print the cell 'unchecked'.
    [Fact]
    public void A_symbolic_engine_checks_deadlock_per_variant_as_the_explicit_one_does()
    {
        var r = CliProcess.Run("check", Model, "--engine", "kind", "--depth", "4");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("buggy   holds     VIOLATED", r.Stdout);
        Assert.Contains("fixed   holds     holds", r.Stdout);
        Assert.DoesNotContain("unchecked", r.Stdout);
        Assert.DoesNotContain("DIFFERS", r.Stdout);
    }

    [Fact]
    public void A_run_for_named_properties_checks_deadlock_only_when_named()
    {
        var model = Check.LoadFile(Model);
        var engine = new HvModel.Explicit.ExplicitEngine();

        var named = CheckRunner.Run(model, engine, [], ["owner_zero_or_one"], new CheckOptions());
        var withDeadlock = CheckRunner.Run(model, engine, ["buggy"], ["deadlock"], new CheckOptions());

        Assert.DoesNotContain(named, r => r.Property == "deadlock");
        Assert.Equal(Verdict.Violated, Assert.Single(withDeadlock).Verdict);
    }

    [Fact]
    public void Deadlock_is_a_column_name_in_expect_tables_and_nowhere_else()
    {
        var model = Check.Load("var x: bool = false\naction a do x := !x end\nexpect (deadlock)\n  default = (violated)\nend");

        Assert.Equal(Verdict.Violated, model.Expected("default", "deadlock"));
        Assert.True(model.ChecksDeadlock("default"));
        var e = Assert.Throws<ModelError>(() => Check.Load("var x: bool = false\nexpect (x)\n  default = (holds)\nend"));
        Assert.Contains("expect names an unknown property 'x'", e.Message);
    }

    [Fact]
    public void Allow_deadlock_without_a_cell_expects_nothing_and_checks_nothing()
    {
        var model = Check.Load("var x: bool = false\naction a when !x do x := true end\ninvariant ok: true\nallow deadlock");

        Assert.False(model.ChecksDeadlock("default"));
        Assert.Equal(Verdict.Unknown, model.Expected("default", "deadlock"));
        Assert.DoesNotContain(Check.Explicit(model), r => r.Property == "deadlock");
    }
}
