using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Text;
using HvModel.Explicit;

namespace HvModel.Tests.Binding;

/// <summary>
/// <c>scalarset(N) in blocks of B</c> and <c>block_first(i)</c>: members whose place in a block
/// matters (a multi-MSI block's first vector holds the block's data). Symmetry stays sound: with
/// blocks of 1 the type is an ordinary scalarset, with larger blocks no member is interchangeable,
/// and every other way to tell members apart is refused.
/// </summary>
public class ScalarsetBlockTests
{
    // Firing a vector marks its block's first; only firsts are ever marked.
    private static string Vectors(int size, int block) => $"""
        type V = scalarset({size}) in blocks of {block}
        var hit: array[V] of bool = false
        action fire(i: V) when !hit[block_first(i)] do hit[block_first(i)] := true end
        invariant only_firsts "only a block's first is ever marked": forall i: V . hit[i] -> block_first(i) = i
        invariant blocks "there are size / block blocks": (count i: V . block_first(i) = i) = {size / block}
        invariant same_block "members of one block share their first": forall i: V . block_first(block_first(i)) = block_first(i)
        """;

    private static IReadOnlyList<CheckResult> Run(Model model, bool symmetry, bool interpret = false) =>
        CheckRunner.Run(model, new ExplicitEngine { Interpret = interpret }, [], [], new CheckOptions { Symmetry = symmetry, CheckDeadlock = false });

    [Theory]
    [InlineData(4, 2, 4)]   // two blocks: each first marked or not
    [InlineData(4, 4, 2)]   // one block
    [InlineData(6, 3, 4)]
    public void Block_first_names_each_blocks_first_member_in_every_engine(int size, int block, int states)
    {
        var model = Check.Load(Vectors(size, block));

        foreach (var (symmetry, interpret) in new[] { (true, false), (false, false), (true, true), (false, true) })
        {
            var results = Run(model, symmetry, interpret);
            Assert.All(results, r => Assert.Equal(Verdict.Holds, r.Verdict));
            Assert.All(results, r => Assert.Equal(states, r.States));
        }
    }

    [Fact]
    public void Blocks_of_more_than_one_fix_every_member_and_print_as_before()
    {
        var v = Assert.Single(Check.Load(Vectors(4, 2)).Scalarsets);

        Assert.Equal(2, v.Block);
        Assert.Equal(0, v.Interchangeable);
        Assert.Equal(["V0", "V1", "V2", "V3"], v.Values().Select(v.Format));
        Assert.Contains("V is in blocks of 2, every member fixed", Symmetry.Describe(Check.Load(Vectors(4, 2))), StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_of_one_are_an_ordinary_scalarset_with_the_same_reduction()
    {
        // Three interchangeable members each marked or not: 4 orbits (0 to 3 marked) of 8 states.
        var blocked = Check.Load(Vectors(3, 1));
        var plain = Check.Load(Vectors(3, 1).Replace(" in blocks of 1", "", StringComparison.Ordinal).Replace("block_first(", "(", StringComparison.Ordinal));

        Assert.Equal(3, Assert.Single(blocked.Scalarsets).Interchangeable);
        Assert.Equal(4, Run(blocked, symmetry: true)[0].States);
        Assert.Equal(8, Run(blocked, symmetry: false)[0].States);
        Assert.Equal(Run(plain, symmetry: true)[0].States, Run(blocked, symmetry: true)[0].States);
    }

    [Theory]
    // The naive multi-MSI model: a plain scalarset whose first vector is named.
    [InlineData("type V = scalarset(4)\nvar x: V = V0", "the members of scalarset V are interchangeable, so none has a name")]
    [InlineData("type V = scalarset(4)\ninvariant first: forall i: V . i = V0 or true", "declare 'in blocks of B' and use block_first(i)")]
    // block_first on a type without blocks would tell interchangeable members apart.
    [InlineData("type V = scalarset(4)\ninvariant first: forall i: V . block_first(i) = i", "V has none: declare it 'type V = scalarset(N) in blocks of B'")]
    [InlineData("type V = scalarset(4) in blocks of 2\ninvariant first: forall i: V . block_first(1) = i", "needs a member of a scalarset in blocks, not int")]
    [InlineData("type V = scalarset(4) in blocks of 2\ninvariant first: forall i: V . block_first(i, i) = i", "takes 1 argument, not 2")]
    // Blocks must tile the members, and are not mixed with names.
    [InlineData("type V = scalarset(4) in blocks of 3", "blocks of 3 do not divide them")]
    [InlineData("type V = scalarset(4) in blocks of 0", "blocks of 0 do not divide them")]
    [InlineData("type V = scalarset(4) in blocks of 2 with V0", "its members are told apart by block_first(i), not by names")]
    // Members of a type in blocks stay unnamed in the model, as order and arithmetic stay refused.
    [InlineData("type V = scalarset(4) in blocks of 2\nvar x: V = V1", "unknown name 'V1': the members of scalarset V are told apart by their place in a block")]
    [InlineData("type V = scalarset(4) in blocks of 2\ninvariant o: forall i: V . i < block_first(i)", "'<'")]
    public void The_guards_refuse_every_other_way_to_tell_members_apart(string text, string message)
    {
        var e = Assert.Throws<ModelError>(() => Check.Load("var b: bool = false\n" + text));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_in_a_branch_no_configuration_takes_does_not_turn_symmetry_off()
    {
        // 'copy' reads another member than the loop's own: order-dependent, if it ever runs.
        const string Model = """
            const COPY: bool = false
            type T = scalarset(3)
            var a: array[T] of bool = false
            var last: bool = false
            action set(t: T) when !a[t] do a[t] := true end
            action copy do
              for t: T do
                if COPY then last := a[t] end
              end
            end
            """;

        Assert.StartsWith("symmetry: canonical", Symmetry.Describe(Check.Load(Model)), StringComparison.Ordinal);
        Assert.Contains("may depend on the order", Symmetry.Describe(Check.Load(Model, new() { ["COPY"] = "true" })), StringComparison.Ordinal);

        // The same with the copy in the else branch: judged where the configuration takes it.
        var inElse = Model.Replace("if COPY then last := a[t] end", "if !COPY then skip else last := a[t] end", StringComparison.Ordinal);
        Assert.StartsWith("symmetry: canonical", Symmetry.Describe(Check.Load(inElse)), StringComparison.Ordinal);
        Assert.Contains("may depend on the order", Symmetry.Describe(Check.Load(inElse, new() { ["COPY"] = "true" })), StringComparison.Ordinal);

        // A condition whose constant side decides it: 'COPY and a[t]' never reads a[t] here.
        var decided = Model.Replace("if COPY then", "if COPY and a[t] then", StringComparison.Ordinal);
        Assert.StartsWith("symmetry: canonical", Symmetry.Describe(Check.Load(decided)), StringComparison.Ordinal);
        Assert.Contains("may depend on the order", Symmetry.Describe(Check.Load(decided, new() { ["COPY"] = "true" })), StringComparison.Ordinal);
    }
}
