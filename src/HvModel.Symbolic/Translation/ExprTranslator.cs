using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Translation;

/// <summary>
/// Translates IR expressions to SMT-LIB2 terms over the current symbolic state: the one SMT
/// visitor, next to the evaluator's. Quantifiers are expanded over their finite types, array
/// reads with a symbolic index become ite chains over the index type, and every node also
/// yields the condition under which the evaluator would raise a model error, with the same
/// short-circuit order as <see cref="Core.Evaluation.ExprEvaluator"/>.
/// </summary>
public sealed class ExprTranslator(Variant variant, int frameSize, SmtArithmetic arithmetic) : IExprVisitor<SmtValue>
{
    /// <summary>How integers are encoded.</summary>
    public SmtArithmetic Arithmetic { get; } = arithmetic;

    /// <summary>The current term of every state slot.</summary>
    public SmtValue[] Slots { get; set; } = [];

    /// <summary>Bound names by <see cref="Local.Slot"/>; null when unbound.</summary>
    public SmtValue?[] Locals { get; } = new SmtValue?[Math.Max(1, frameSize)];

    public SmtValue Translate(Expr e) => e.Accept(this);

    /// <summary>A translator with copies of this one's slots and bound names (one branch of a case split).</summary>
    public ExprTranslator Clone()
    {
        var copy = new ExprTranslator(variant, Locals.Length, Arithmetic) { Slots = (SmtValue[])Slots.Clone() };
        Locals.CopyTo(copy.Locals, 0);
        return copy;
    }

    /// <summary>The slots a location expression may denote, each with its guard, and the error condition of computing it.</summary>
    public List<Location> Locate(Expr location, out string error)
    {
        switch (location)
        {
            case VarExpr v:
                error = False;
                return [new Location(True, v.Var.FirstSlot)];
            case IndexExpr ix:
            {
                var array = (ArrayType)ix.Array.Type;
                var stride = Types.SlotCount(array.Element);
                var index = Translate(ix.Index);
                var inner = Locate(ix.Array, out var innerError);
                var rangeError = OutOfRange(array.Index, ix.Index.Type, index);
                error = Or(index.Error, rangeError, innerError);
                var result = new List<Location>();
                if (index.Const is { } c)
                {
                    // A constant index out of range is an error on every path that reaches it;
                    // the slot it denotes then does not matter.
                    var ordinal = Math.Max(0, array.Index.OrdinalOf(c));
                    result.AddRange(inner.Select(l => l with { Slot = l.Slot + (ordinal * stride) }));
                    return result;
                }

                foreach (var l in inner)
                {
                    for (var o = 0; o < array.Index.Count; o++)
                    {
                        var guard = And(l.Guard, Arithmetic.EqualsValue(index, array.Index, array.Index.ValueAt(o)));
                        result.Add(new Location(guard, l.Slot + (o * stride)));
                    }
                }

                return result;
            }

            default:
                throw new InvalidOperationException($"not a location: {location}");
        }
    }

    /// <summary>The condition that <paramref name="value"/> (of static type <paramref name="from"/>) lies outside <paramref name="to"/>.</summary>
    public string OutOfRange(ScalarType to, HvType from, SmtValue value)
    {
        // A value whose static type is the target type is in range: state slots, parameters and
        // choices are constrained to their types, and let-bound names are range-checked.
        if (to is BoolType || ReferenceEquals(from, to))
        {
            return False;
        }

        if (value.Const is { } c)
        {
            return Bool(to.OrdinalOf(c) < 0);
        }

        return Arithmetic.OutOfRange(to, value);
    }

    public SmtValue VisitLiteral(LiteralExpr e) => Arithmetic.Constant(e.Type, e.Value);

    public SmtValue VisitVar(VarExpr e) => e.Type is ScalarType
        ? Slots[e.Var.FirstSlot]
        : throw new InvalidOperationException($"the whole array '{e.Var.Name}' used as a value");

    public SmtValue VisitIndex(IndexExpr e)
    {
        var locations = Locate(e, out var error);
        if (locations.Count == 1)
        {
            return Slots[locations[0].Slot] with { Error = error };
        }

        // The last candidate is the default: when the index is out of range the value is
        // arbitrary, and the error term says so. Every candidate is an element of the same
        // array, so of the same type and encoding.
        var last = Slots[locations[^1].Slot];
        var term = last.Term;
        for (var i = locations.Count - 2; i >= 0; i--)
        {
            term = Ite(locations[i].Guard, Slots[locations[i].Slot].Term, term);
        }

        return last with { Term = term, Error = error, Const = null };
    }

    public SmtValue VisitLocal(LocalExpr e) =>
        Locals[e.Local.Slot] ?? throw new InvalidOperationException($"'{e.Local.Name}' is not bound");

    public SmtValue VisitUnary(UnaryExpr e)
    {
        var v = Translate(e.Operand);
        return e.Op switch
        {
            UnaryOp.Not => new SmtValue(Not(v.Term), v.Error, v.Const is { } c ? (c == 0 ? 1 : 0) : null),
            UnaryOp.Negate => v.Const is { } c && c != int.MinValue
                ? Arithmetic.Constant(IntType.Instance, -c) with { Error = v.Error }
                : Negated(v),
            _ => throw new InvalidOperationException(e.Op.ToString()),
        };
    }

    private SmtValue Negated(SmtValue v)
    {
        var n = Arithmetic.Negate(v);
        return n with { Error = Or(v.Error, n.Error) };
    }

    public SmtValue VisitBinary(BinaryExpr e)
    {
        var l = Translate(e.Left);
        var r = Translate(e.Right);
        switch (e.Op)
        {
            // The connectives short-circuit in the evaluator: the right side's error counts only
            // when the left side lets evaluation reach it.
            case BinaryOp.And:
                return Fold(e, l, r, And(l.Term, r.Term), Or(l.Error, And(l.Term, r.Error)));
            case BinaryOp.Or:
                return Fold(e, l, r, Or(l.Term, r.Term), Or(l.Error, And(Not(l.Term), r.Error)));
            case BinaryOp.Implies:
                return Fold(e, l, r, Implies(l.Term, r.Term), Or(l.Error, And(l.Term, r.Error)));
        }

        var error = Or(l.Error, r.Error);
        if (IntegerOps.IsArithmetic(e.Op))
        {
            if (l.Const is { } a && r.Const is { } b)
            {
                // Constant operands fold with the evaluator's own definition, errors included.
                return IntegerOps.Apply(e.Op, a, b, out var value) is null
                    ? Arithmetic.Constant(IntType.Instance, value) with { Error = error }
                    : new SmtValue(Arithmetic.Constant(IntType.Instance, 0).Term, True, null) { Lo = 0, Hi = 0 };
            }

            var result = Arithmetic.Arithmetic(e.Op, l, r);

            // Evaluation stops at an operand's error, so this operator's own error adds to it.
            return result with { Error = Or(error, result.Error) };
        }

        var term = e.Op switch
        {
            BinaryOp.Equal or BinaryOp.NotEqual when e.Left.Type is BoolType => e.Op == BinaryOp.Equal ? Eq(l.Term, r.Term) : Not(Eq(l.Term, r.Term)),
            BinaryOp.Iff => Eq(l.Term, r.Term),
            BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual
                => l.Const is not null && r.Const is not null ? True : Arithmetic.Compare(e.Op, l, r),
            _ => throw new InvalidOperationException(e.Op.ToString()),
        };
        return Fold(e, l, r, term, error);
    }

    private SmtValue Fold(BinaryExpr e, SmtValue l, SmtValue r, string term, string error)
    {
        long? value = null;
        if (l.Const is { } a && r.Const is { } b)
        {
            value = e.Op switch
            {
                BinaryOp.And => a != 0 && b != 0 ? 1 : 0,
                BinaryOp.Or => a != 0 || b != 0 ? 1 : 0,
                BinaryOp.Implies => a == 0 || b != 0 ? 1 : 0,
                _ => IntegerOps.Compare(e.Op, a, b),
            };
        }

        if (value is { } v)
        {
            return Arithmetic.Constant(e.Type, (int)v) with { Error = error };
        }

        // The builders fold true/false; report a constant when they did.
        int? folded = e.Type is BoolType ? term switch { True => 1, False => 0, _ => null } : null;
        return new SmtValue(term, error, folded);
    }

    public SmtValue VisitCond(CondExpr e)
    {
        var c = Translate(e.Condition);
        if (c.Const is { } k)
        {
            var taken = Translate(k != 0 ? e.Then : e.Else);
            return taken with { Error = Or(c.Error, taken.Error) };
        }

        var t = Translate(e.Then);
        var f = Translate(e.Else);
        var error = Or(c.Error, And(c.Term, t.Error), And(Not(c.Term), f.Error));
        return e.Type is BoolType ? SmtValue.Of(Ite(c.Term, t.Term, f.Term), error) : Arithmetic.Ite(c.Term, t, f) with { Error = error };
    }

    public SmtValue VisitQuant(QuantExpr e)
    {
        var slot = e.Variable.Slot;
        var saved = Locals[slot];
        var type = e.Variable.Domain;
        var bodies = new List<SmtValue>();
        try
        {
            for (var o = 0; o < type.Count; o++)
            {
                Locals[slot] = Arithmetic.Constant(type, type.ValueAt(o));
                bodies.Add(Translate(e.Body));
            }
        }
        finally
        {
            Locals[slot] = saved;
        }

        // The evaluator stops at the first body that decides a forall/exists, so a later body's
        // error counts only when every earlier body let evaluation go on.
        var errors = new List<string>();
        for (var k = 0; k < bodies.Count; k++)
        {
            if (bodies[k].Error == False)
            {
                continue;
            }

            var goOn = e.Quantifier switch
            {
                Quantifier.Forall => And(bodies.Take(k).Select(b => b.Term)),
                Quantifier.Exists => And(bodies.Take(k).Select(b => Not(b.Term))),
                _ => True,
            };
            errors.Add(And(goOn, bodies[k].Error));
        }

        var error = Or(errors);
        switch (e.Quantifier)
        {
            case Quantifier.Forall:
            {
                var term = And(bodies.Select(b => b.Term));
                return new SmtValue(term, error, term switch { True => 1, False => 0, _ => null });
            }

            case Quantifier.Exists:
            {
                var term = Or(bodies.Select(b => b.Term));
                return new SmtValue(term, error, term switch { True => 1, False => 0, _ => null });
            }

            default:
            {
                if (bodies.All(b => b.Const is not null))
                {
                    return Arithmetic.Constant(IntType.Instance, bodies.Count(b => b.Const != 0)) with { Error = error };
                }

                return Arithmetic.Count([.. bodies.Select(b => b.Term)]) with { Error = error };
            }
        }
    }

    public SmtValue VisitHunk(HunkExpr e) => Arithmetic.Constant(BoolType.Instance, variant.Applies(e.Hunk) ? 1 : 0);
}
