using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Tests.Binding;

/// <summary><c>scalarset(N) with a, b</c>: named members that no permutation moves.</summary>
public class DistinguishedScalarsetTests
{
    private const string Cpus = """
        const CPUS = 3
        type Cpu = scalarset(CPUS) with Cpu0
        var online: array[Cpu] of bool = true
        var eff: Cpu = Cpu0
        action down(c: Cpu) when c != Cpu0 and online[c] do online[c] := false end
        """;

    [Fact]
    public void The_type_exposes_its_distinguished_and_interchangeable_parts()
    {
        var model = Check.Load(Cpus);

        var cpu = Assert.Single(model.Scalarsets);
        Assert.Equal(["Cpu0"], cpu.Distinguished);
        Assert.Equal(1, cpu.Fixed);
        Assert.Equal(2, cpu.Interchangeable);
        Assert.False(cpu.IsInterchangeable(0));
        Assert.True(cpu.IsInterchangeable(2));
        Assert.Equal(["Cpu0", "Cpu1", "Cpu2"], cpu.Values().Select(cpu.Format));
        Assert.Equal("online[Cpu2]", model.Slots[2].Name);
    }

    [Fact]
    public void Several_members_can_be_named_and_print_by_their_names()
    {
        var model = Check.Load("type Node = scalarset(4) with leader, spare\nvar x: array[Node] of bool = false\nvar l: Node = spare");

        var node = Assert.Single(model.Scalarsets);
        Assert.Equal(["leader", "spare", "Node2", "Node3"], node.Values().Select(node.Format));
        Assert.Single(Check.Load("type Node = scalarset(4) with leader, spare\nvar l: Node = spare").Slots);
    }

    [Theory]
    [InlineData("var e: Cpu = 0", "has type int, expected Cpu")]
    [InlineData("invariant early: forall c: Cpu . c < Cpu0", "'<'")]
    [InlineData("invariant succ: forall c: Cpu . c + 1 = 2", "'+'")]
    [InlineData("invariant one: forall c: Cpu . c = 1", "cannot compare Cpu with")]
    [InlineData("type Other = scalarset(2) with Cpu0", "already declared")]
    public void Interchangeable_members_cannot_be_told_apart_by_number_or_order(string line, string message)
    {
        var e = Assert.Throws<ModelError>(() => Check.Load(Cpus + "\n" + line));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type T = scalarset(1) with a, b", "scalarset T has 1 element(s) but names 2 distinguished member(s)")]
    [InlineData("type T = scalarset(3) with T1", "distinguished member 'T1' would print like another member of T")]
    [InlineData("type T = scalarset(3) with", "expected a name")]
    public void Bad_distinguished_members_are_input_errors(string text, string message)
    {
        var e = Assert.Throws<ModelError>(() => Check.Load(text));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_stays_usable_as_an_ordinary_name()
    {
        var model = Check.Load("type T = scalarset(2)\nvar with: bool = false");

        Assert.Equal("with", model.Vars.Single().Name);
    }
}
