using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Export.Aiger;

/// <summary>
/// The literal that a body has an outcome from the current state for some values of its
/// choices: what deadlock freedom needs ("some action instance is enabled"), a statement about
/// every choice, which the choice inputs cannot express (the inputs name one choice; a
/// deadlock is a state where none has an outcome). So each <c>any</c> is spelled out into its
/// candidates, the statements after it run once per candidate, as the SMT encoding's
/// EnabledEncoder does; statements without a choice always have an outcome and run
/// symbolically once. Model errors are left out here: a state where one can be raised is a
/// bad state of its own in the exported file.
/// </summary>
public sealed class AigOutcomes
{
    /// <summary>Most choice cases spelled out; beyond it the export is refused.</summary>
    public const int MaxCases = 100_000;

    private readonly Aig g;
    private int cases;

    public AigOutcomes(Aig graph)
    {
        g = graph;
    }

    /// <summary>The literal that running <paramref name="body"/> from <paramref name="expr"/>'s state has an outcome.</summary>
    public int Of(Stmt body, AigExprTranslator expr) => Outcome(ImmutableStack.Create(new Item(body, -1, null)), expr);

    private int Outcome(ImmutableStack<Item> rest, AigExprTranslator expr)
    {
        while (!rest.IsEmpty)
        {
            rest = rest.Pop(out var item);
            if (item.Slot >= 0)
            {
                expr.Locals[item.Slot] = item.Value;
            }

            var s = item.Stmt;
            if (!StmtFacts.HasChoice(s))
            {
                new AigStatementRunner(expr, null, Aig.True).Run(s);
                continue;
            }

            switch (s)
            {
                case BlockStmt b:
                    for (var i = b.Statements.Length - 1; i >= 0; i--)
                    {
                        rest = rest.Push(new Item(b.Statements[i], -1, null));
                    }

                    break;
                case ForStmt f:
                    for (var o = f.Variable.Domain.Count - 1; o >= 0; o--)
                    {
                        rest = rest.Push(new Item(f.Body, f.Variable.Slot, AigWord.Constant(f.Variable.Domain.ValueAt(o))));
                    }

                    break;
                case LetStmt l:
                    rest = rest.Push(new Item(l.Body, l.Variable.Slot, expr.Translate(l.Value).Word));
                    break;
                case IfStmt i:
                {
                    var c = expr.Translate(i.Condition).Bit;
                    if (Aig.IsConstant(c))
                    {
                        rest = rest.Push(new Item(c == Aig.True ? i.Then : i.Else, -1, null));
                        break;
                    }

                    Count(s);
                    var then = Outcome(rest.Push(new Item(i.Then, -1, null)), expr.Clone());
                    var otherwise = Outcome(rest.Push(new Item(i.Else, -1, null)), expr.Clone());
                    return g.Mux(c, then, otherwise);
                }

                case AnyStmt a:
                {
                    var type = a.Variable.Domain;
                    var some = new List<int>();
                    for (var o = 0; o < type.Count; o++)
                    {
                        var branch = expr.Clone();
                        branch.Locals[a.Variable.Slot] = AigWord.Constant(type.ValueAt(o));
                        var where = a.Where is null ? Aig.True : branch.Translate(a.Where).Bit;
                        if (where == Aig.False)
                        {
                            continue;
                        }

                        Count(s);
                        some.Add(g.And(where, Outcome(rest.Push(new Item(a.Body, -1, null)), branch)));
                    }

                    return g.OrAll(some);
                }

                default:
                    throw new InvalidOperationException($"no outcome rule for '{s.GetType().Name}'");
            }
        }

        // The end of the body is an outcome.
        return Aig.True;
    }

    private void Count(Stmt s)
    {
        if (++cases > MaxCases)
        {
            throw new ModelError(s.Span, $"AIGER export: deadlock freedom needs every choice of every action instance spelled out, more than {MaxCases} cases in this model");
        }
    }

    /// <summary>A statement still to run, and the bound name to set first (a <c>for</c> or <c>let</c> variable; slot -1 for none).</summary>
    private readonly record struct Item(Stmt Stmt, int Slot, AigWord? Value);
}
