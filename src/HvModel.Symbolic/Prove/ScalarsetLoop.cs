using HvModel.Core.Ir;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Prove;

/// <summary>One write of a state variable inside a loop: where, what, and on which path.</summary>
public sealed record LoopWrite(StateVar Var, IReadOnlyList<string> Indices, string Value, string PathCondition);

/// <summary>
/// A <c>for</c> over a scalarset of unknown size, run once for a symbolic member
/// (<see cref="Member"/>): what its body wrote and read. Two shapes of writes have an
/// order-independent meaning, and so an exact translation as a simultaneous update:
/// <list type="bullet">
/// <item>every write of the variable is at the member's own index in one position
/// (<c>pending[i] := true</c> in <c>for i</c>), and the body reads the variable only there: each
/// member's iteration owns its elements, and the result is the body's, member by member;</item>
/// <item>no write is at the member's index and all write the same value that depends on no
/// member (<c>hypercall_failed := true</c>), and the body never reads the variable: the value
/// is written when some member's iteration writes it.</item>
/// </list>
/// Anything else may depend on the order of iteration, which the language forbids but cannot
/// always detect: prove refuses it rather than guess.
/// </summary>
public sealed class ScalarsetLoop(string member, string sort)
{
    /// <summary>What stands in a summarized index for "every member of an inner loop".</summary>
    public const string Wildcard = "*";

    public string Member { get; } = member;

    public string Sort { get; } = sort;

    public List<LoopWrite> Writes { get; } = [];

    public List<(StateVar Var, IReadOnlyList<string> Indices)> Reads { get; } = [];

    public List<string> Errors { get; } = [];

    public List<string> Assertions { get; } = [];

    /// <summary>The variable's function after the whole loop, from its function before and after one symbolic iteration.</summary>
    public FunctionValue Combine(StateVar v, IReadOnlyList<LoopWrite> writes, FunctionValue before, FunctionValue after, ForStmt loop)
    {
        var arity = writes[0].Indices.Count;
        for (var k = 0; k < arity; k++)
        {
            if (writes.All(w => w.Indices[k] == Member))
            {
                if (Reads.FirstOrDefault(r => r.Var == v && r.Indices[k] != Member) is { Var: not null } bad)
                {
                    throw Refuse(loop, $"writes {v.Name} at the member's index but reads {Show(v, bad.Indices)}, which another iteration may have written");
                }

                var position = k;
                return args => after(args).Replace(Member, args[position], StringComparison.Ordinal);
            }
        }

        var value = writes[0].Value;
        var flag = writes.All(w => w.Value == value && !Mentions(w.Value) && w.Indices.All(ix => !Mentions(ix)));
        if (!flag)
        {
            throw Refuse(loop, $"writes {v.Name} at {Show(v, writes[0].Indices)}: not at the loop member's own index, and not one value for every member, so the result may depend on the order of iteration");
        }

        if (Reads.Any(r => r.Var == v))
        {
            throw Refuse(loop, $"reads {v.Name}, which the loop also writes for some member: the result may depend on the order of iteration");
        }

        // Written when some member's iteration writes it, at that write's index.
        return args =>
        {
            var cases = writes.Select(w => And(w.Indices.Select((ix, k) => Eq(args[k], ix)).Prepend(w.PathCondition)));
            var some = $"(exists (({Member} {Sort})) {Or(cases)})";
            return Ite(some, value, before(args));
        };
    }

    /// <summary>A write as the enclosing loop sees it: this member becomes a wildcard, a flag's path is closed.</summary>
    public LoopWrite Summarize(LoopWrite w)
    {
        var value = Mentions(w.Value) ? Wildcard : w.Value;
        var path = Mentions(w.PathCondition) ? $"(exists (({Member} {Sort})) {w.PathCondition})" : w.PathCondition;
        return new LoopWrite(w.Var, Summarize(w.Indices), value, path);
    }

    public IReadOnlyList<string> Summarize(IReadOnlyList<string> indices) =>
        [.. indices.Select(ix => Mentions(ix) ? Wildcard : ix)];

    private bool Mentions(string term) => term == Wildcard || term.Contains(Member, StringComparison.Ordinal);

    private static string Show(StateVar v, IReadOnlyList<string> indices) =>
        indices.Count == 0 ? v.Name : $"{v.Name}[{string.Join("][", indices)}]";

    private static ProveUnsupportedException Refuse(ForStmt loop, string what) =>
        new($"the loop 'for {loop.Variable.Name}: {loop.Variable.Type.Display}' {what}", loop.Span);
}
