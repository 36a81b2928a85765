using HvModel.Core.Ir;
using HvModel.Symbolic.Prove.Inference;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Engines;

/// <summary>
/// A clause of the template grammar at one configuration: the conjunction, over every
/// assignment of its quantified variables to members of <paramref name="model"/>'s
/// scalarsets, of its literals, written over the state slots of an unrolling. Each literal
/// names slots and values as <see cref="Atom.Compile"/> reads them in a state, so the formula
/// holds in a state exactly when the compiled clause holds for every assignment.
/// </summary>
internal sealed class GroundClause(Clause clause, Model model)
{
    public Clause Clause => clause;

    /// <summary>The clause over the state whose slots are named <paramref name="state"/>, in <paramref name="encoder"/>'s terms.</summary>
    public string Holds(ModelEncoder encoder, IReadOnlyList<string> state)
    {
        var conjuncts = new List<string>();
        foreach (var assignment in Assignments())
        {
            var parts = clause.Literals.Select(l => Literal(encoder.Arithmetic, state, l, assignment)).ToList();
            if (clause.Slot is { } slot)
            {
                var value = Value(encoder.Arithmetic, state, slot.Term, assignment);
                parts.AddRange(clause.SlotOrdinals.Select(o => encoder.Arithmetic.EqualsValue(value, slot.Type, slot.Type.ValueAt(o))));
            }

            conjuncts.Add(Or(parts));
        }

        return And(conjuncts);
    }

    /// <summary>Every assignment of the variables, in the miner's order.</summary>
    private IEnumerable<int[]> Assignments()
    {
        var sizes = TemplateGrammar.Sizes(model, clause.Vars);
        var assignment = new int[sizes.Length];
        do
        {
            yield return (int[])assignment.Clone();
        }
        while (TemplateGrammar.NextAssignment(assignment, sizes));
    }

    private string Literal(SmtArithmetic arithmetic, IReadOnlyList<string> state, Literal literal, int[] assignment)
    {
        var term = literal.Atom switch
        {
            BoolAtom b => Value(arithmetic, state, b.Term, assignment).Term,
            EqAtom e => Equal(arithmetic, state, e, assignment),
            _ => throw new InvalidOperationException("a slot is no literal"),
        };
        return literal.Positive ? term : Not(term);
    }

    private string Equal(SmtArithmetic arithmetic, IReadOnlyList<string> state, EqAtom atom, int[] assignment)
    {
        return (atom.Left, atom.Right) switch
        {
            (StateTerm l, StateTerm r) => arithmetic.Compare(BinaryOp.Equal, Value(arithmetic, state, l, assignment), Value(arithmetic, state, r, assignment)),
            (StateTerm l, var r) => arithmetic.EqualsValue(Value(arithmetic, state, l, assignment), l.Type, Constant(r, assignment)),
            (var l, StateTerm r) => arithmetic.EqualsValue(Value(arithmetic, state, r, assignment), r.Type, Constant(l, assignment)),
            var (l, r) => Bool(Constant(l, assignment) == Constant(r, assignment)),
        };
    }

    /// <summary>The value of a variable or constant term under the assignment.</summary>
    private static int Constant(TemplateTerm term, int[] assignment) => term switch
    {
        QuantVar v => assignment[v.Index],
        ConstTerm c => c.Value,
        _ => throw new InvalidOperationException($"{term} reads the state"),
    };

    /// <summary>The slot a state term names, as a term of its type.</summary>
    private SmtValue Value(SmtArithmetic arithmetic, IReadOnlyList<string> state, StateTerm term, int[] assignment)
    {
        var slot = term.SlotAt(model, assignment);
        return arithmetic.Var(model.Slots[slot].Type, state[slot]);
    }
}
