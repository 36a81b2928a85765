using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>
/// The binder's one built-in function, <c>block_first(i)</c>: the first member of the block of
/// <c>i</c>, for a scalarset declared <c>in blocks of B</c>. It is lowered here into what every
/// engine already reads: with blocks of 1 it is <c>i</c> itself, so a model that names its blocks
/// has, in a configuration with blocks of 1, the very IR it had without them (its symmetry and
/// state counts too); with larger blocks every member is fixed, and it is a choice among the
/// blocks' first members as literals.
/// </summary>
public sealed partial class Binder
{
    public const string BlockFirst = "block_first";

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
