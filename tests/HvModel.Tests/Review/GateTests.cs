using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit.Review;
using HvModel.Tests.Cli;

namespace HvModel.Tests.Review;

public class GateTests
{
    [Theory]
    [InlineData("never_fires", GateFindingKind.NeverFires, "reset")]
    [InlineData("inert_hunk", GateFindingKind.InertHunk, "clamp")]
    [InlineData("vacuous_implication", GateFindingKind.VacuousImplication, "no_overflow")]
    [InlineData("unreached_cover", GateFindingKind.UnreachedCover, "top")]
    public void Each_test_model_has_exactly_its_one_unexpected_finding(string file, GateFindingKind kind, string subject)
    {
        var model = Check.LoadFile($"tests/models/gate/{file}.hvm");

        var gate = Gate.Run(model, model.Variants);

        var f = Assert.Single(gate.Findings);
        Assert.Equal(kind, f.Kind);
        Assert.Equal(subject, f.Subject);
        Assert.False(f.Expected);
        Assert.Equal(1, gate.ExitCode);
    }

    [Fact]
    public void A_declared_expectation_makes_a_finding_expected_with_its_reason()
    {
        var model = Check.Load("""
            model expected
            const LIMIT = 3
            var x: 0 .. 5 = 0
            action step when x < LIMIT do x := x + 1 end
            action reset(to: 0 .. 1) when x = 5 do x := to end
            invariant bounded: x <= 3
            allow deadlock
            expect never reset(to = 1) "never reset to 1"
            expect never reset(to = 0) when LIMIT = 5 "only with a higher limit"
            """);

        var gate = Gate.Run(model, model.Variants);

        Assert.Equal("never reset to 1", gate.Findings.Single(f => f.Subject == "reset(to=1)").ExpectedBecause);
        Assert.False(gate.Findings.Single(f => f.Subject == "reset(to=0)").Expected);
        Assert.Equal(1, gate.ExitCode);
    }

    [Theory]
    // Under a condition that does not hold here, parameter names and values that resolve are still checked.
    [InlineData("expect never reset(too = 1) when LIMIT = 6 \"typo\"", "action 'reset' has no parameter 'too'")]
    [InlineData("expect never reset(to = 7) when LIMIT = 6 \"out of range\"", "expected a value of 0..1 for parameter 'to'")]
    [InlineData("expect never reset(to = 1) when LIMIT = 5 \"a member of another configuration\"\nexpect never reset(to = V3) \"unknown here\"", "unknown name 'V3'")]
    public void An_expectation_of_another_configuration_is_still_checked(string line, string message)
    {
        var e = Assert.Throws<ModelError>(() => Check.Load($"""
            model limits
            const LIMIT = 5
            var x: 0 .. 5 = 0
            action reset(to: 0 .. 1) when x = 5 do x := to end
            {line}
            """));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expectation_may_name_a_member_of_a_scalarset_in_blocks_where_its_condition_holds()
    {
        const string Text = """
            model blocks
            const B: 1 .. 2 = 2
            type V = scalarset(2) in blocks of B
            var hit: array[V] of bool = false
            action fire(i: V) when block_first(i) = i and !hit[i] do hit[i] := true end
            allow deadlock
            expect never fire(i = V1) when B = 2 "V1 is not a block's first"
            """;

        var blocked = Check.Load(Text);
        Assert.Equal(0, Gate.Run(blocked, blocked.Variants).ExitCode);

        // With blocks of one, V1 names nothing and the expectation is not this configuration's.
        var plain = Check.Load(Text, new() { ["B"] = "1" });
        Assert.Empty(Gate.Run(plain, plain.Variants).Findings.Where(f => f.Subject.StartsWith("fire", StringComparison.Ordinal) && !f.Expected));
    }

    [Fact]
    public void An_expectation_naming_an_unknown_action_is_a_located_error()
    {
        var e = Assert.Throws<ModelError>(() => Check.Load("""
            model bad
            var x: 0 .. 1 = 0
            action step when x = 0 do x := 1 end
            expect never stepp "typo"
            """));

        Assert.Contains("unknown action 'stepp'", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, e.Span.Line);
    }

    [Fact]
    public void The_flagship_gate_exits_0_with_cpu_0_and_v1s_retarget_fails_as_expected()
    {
        var r = CliProcess.Run("gate");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("no unexpected finding", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("expected v1: unreached_cover retarget_fails: the expect table says unreached", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("expected v3: never_fires cpu_down(c=Cpu0): CPU 0 is the boot CPU", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flagship_gate_with_a_recreating_driver_expects_restore_msi_state_to_change_nothing()
    {
        var model = Check.LoadFile("properties/hv-pci-msi.hvp", new() { ["DRIVER"] = "recreate" });

        var gate = Gate.Run(model, [model.GetVariant("v3")]);

        Assert.Equal(0, gate.ExitCode);
        Assert.Contains(gate.Findings, f => f.Kind == GateFindingKind.InertHunk && f.Subject == "restore_msi_state" && f.Expected);
    }

    [Fact]
    public void Check_with_gate_runs_it_and_plain_check_does_not()
    {
        var gated = CliProcess.Run("check", "tests/models/gate/never_fires.hvm", "--gate");
        Assert.Equal(1, gated.ExitCode);
        Assert.Contains("FINDING default: never_fires reset", gated.Stdout, StringComparison.Ordinal);

        var plain = CliProcess.Run("check", "tests/models/gate/never_fires.hvm");
        Assert.Equal(0, plain.ExitCode);
        Assert.DoesNotContain("Gate:", plain.Stdout, StringComparison.Ordinal);
    }
}
