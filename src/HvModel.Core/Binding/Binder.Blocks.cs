using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>
/// The binder's one built-in function, <c>block_first(i)</c>: the first member of the block of
/// <c>i</c>, for a scalarset declared <c>in blocks of B</c>. It is lowered here into what every
/// engine already reads: with blocks of 1 it is <c>i</c> itself, so in a configuration with
/// blocks of 1 the type and every use of <c>block_first</c> are what they were without blocks
/// (the reduction and state counts too); with larger blocks every member is fixed, and it is a
/// choice among the blocks' first members as literals. That choice is also equivariant under
/// permutations of whole blocks, so it stays sound if the explicit engine learns to permute them.
/// </summary>
public sealed partial class Binder
{
    public const string BlockFirst = "block_first";

    /// <summary>
    /// The block size of a scalarset declared <c>in blocks of B</c> (null without), checked, and
    /// its fixed members: in blocks of more than one, a member's place in its block is observable,
    /// so no member is interchangeable with another of its block and every member is fixed
    /// (unnamed); otherwise the members named after <c>with</c>.
    /// </summary>
    private (int? Block, IReadOnlyList<string> Fixed) Blocks(ScalarsetTypeSyntax s, string declaredName, int size)
    {
        var block = s.Blocks is null ? (int?)null : ConstantInt(s.Blocks);
        if (block is { } b)
        {
            if (b < 1 || size % b != 0)
            {
                throw new ModelError(s.Blocks!.Span, $"scalarset {declaredName} has {size} element(s): blocks of {b} do not divide them");
            }

            if (s.Distinguished.Count > 0)
            {
                throw new ModelError(s.Distinguished[0].Span, $"scalarset {declaredName} is in blocks: its members are told apart by block_first(i), not by names");
            }
        }

        return block > 1
            ? (block, [.. Enumerable.Range(0, size).Select(k => $"{declaredName}{k}")])
            : (block, [.. s.Distinguished.Select(d => d.Text)]);
    }

    private Expr BindBlockFirst(CallSyntax c, Scope scope)
    {
        if (c.Args.Count != 1)
        {
            throw new ModelError(c.Span, $"'{BlockFirst}' takes 1 argument, not {c.Args.Count}");
        }

        var member = BindExpr(c.Args[0], scope);
        if (member.Type is not ScalarsetType { Block: { } block } set)
        {
            throw new ModelError(c.Args[0].Span, member.Type is ScalarsetType s
                ? $"'{BlockFirst}' needs a scalarset in blocks, and {s.Name} has none: declare it 'type {s.Name} = scalarset(N) in blocks of B'"
                : $"'{BlockFirst}' needs a member of a scalarset in blocks, not {member.Type.Display}");
        }

        if (block == 1)
        {
            return member;
        }

        // if i = M0 or ... or i = M(B-1) then M0 elsif ... else the last block's first member.
        Expr Literal(int value) => new LiteralExpr(value, set, c.Span);
        Expr result = Literal(set.Size - block);
        for (var first = set.Size - 2 * block; first >= 0; first -= block)
        {
            var inBlock = Enumerable.Range(first, block)
                .Select(m => (Expr)new BinaryExpr(BinaryOp.Equal, member, Literal(m), BoolType.Instance, c.Span))
                .Aggregate((a, b) => new BinaryExpr(BinaryOp.Or, a, b, BoolType.Instance, c.Span));
            result = new CondExpr(inBlock, Literal(first), result, set, c.Span);
        }

        return result;
    }
}
