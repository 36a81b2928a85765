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
public sealed class ExprTranslator(Variant variant, int frameSize) : IExprVisitor<SmtValue>
{
    /// <summary>The current term of every state slot.</summary>
    public SmtValue[] Slots { get; set; } = [];

    /// <summary>Bound names by <see cref="Local.Slot"/>; null when unbound.</summary>
    public SmtValue?[] Locals { get; } = new SmtValue?[Math.Max(1, frameSize)];

    public SmtValue Translate(Expr e) => e.Accept(this);

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
                        var guard = And(l.Guard, Eq(index.Term, Literal(array.Index, array.Index.ValueAt(o))));
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
    public static string OutOfRange(ScalarType to, HvType from, SmtValue value)
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

        return Not(InRange(to, value.Term));
    }

    public SmtValue VisitLiteral(LiteralExpr e) => SmtValue.Constant(e.Type, e.Value);

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
        // arbitrary, and the error term says so.
        var term = Slots[locations[^1].Slot].Term;
        for (var i = locations.Count - 2; i >= 0; i--)
        {
            term = Ite(locations[i].Guard, Slots[locations[i].Slot].Term, term);
        }

        return SmtValue.Of(term, error);
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
                ? SmtValue.Constant(IntType.Instance, -c) with { Error = v.Error }
                : new SmtValue($"(- {v.Term})", Or(v.Error, Overflows($"(- {v.Term})")), null),
            _ => throw new InvalidOperationException(e.Op.ToString()),
        };
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
        if (e.Op is BinaryOp.Divide or BinaryOp.Modulo or BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor
            or BinaryOp.ShiftLeft or BinaryOp.ShiftRight)
        {
            return IntegerOperators.Translate(e.Op, l, r, error);
        }

        var arithmetic = e.Op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply;
        var term = e.Op switch
        {
            BinaryOp.Add => $"(+ {l.Term} {r.Term})",
            BinaryOp.Subtract => $"(- {l.Term} {r.Term})",
            BinaryOp.Multiply => $"(* {l.Term} {r.Term})",
            BinaryOp.Equal or BinaryOp.Iff => Eq(l.Term, r.Term),
            BinaryOp.NotEqual => Not(Eq(l.Term, r.Term)),
            BinaryOp.Less => $"(< {l.Term} {r.Term})",
            BinaryOp.LessEqual => $"(<= {l.Term} {r.Term})",
            BinaryOp.Greater => $"(> {l.Term} {r.Term})",
            BinaryOp.GreaterEqual => $"(>= {l.Term} {r.Term})",
            _ => throw new InvalidOperationException(e.Op.ToString()),
        };
        // Values are 32-bit in the evaluator: a result outside that range is a model error there.
        return Fold(e, l, r, term, arithmetic && (l.Const is null || r.Const is null) ? Or(error, Overflows(term)) : error);
    }

    /// <summary>True when an integer term leaves the evaluator's 32-bit range.</summary>
    private static string Overflows(string term) => $"(or (< {term} (- 2147483648)) (> {term} 2147483647))";

    private static SmtValue Fold(BinaryExpr e, SmtValue l, SmtValue r, string term, string error)
    {
        long? value = null;
        if (l.Const is { } a && r.Const is { } b)
        {
            value = e.Op switch
            {
                BinaryOp.And => a != 0 && b != 0 ? 1 : 0,
                BinaryOp.Or => a != 0 || b != 0 ? 1 : 0,
                BinaryOp.Implies => a == 0 || b != 0 ? 1 : 0,
                BinaryOp.Add => (long)a + b,
                BinaryOp.Subtract => (long)a - b,
                BinaryOp.Multiply => (long)a * b,
                BinaryOp.Equal => a == b ? 1 : 0,
                BinaryOp.NotEqual => a != b ? 1 : 0,
                BinaryOp.Less => a < b ? 1 : 0,
                BinaryOp.LessEqual => a <= b ? 1 : 0,
                BinaryOp.Greater => a > b ? 1 : 0,
                BinaryOp.GreaterEqual => a >= b ? 1 : 0,
                BinaryOp.Iff => (a != 0) == (b != 0) ? 1 : 0,
                _ => null,
            };
        }

        if (value is { } v)
        {
            // A constant result outside 32 bits is the evaluator's overflow error, always.
            return v is >= int.MinValue and <= int.MaxValue
                ? SmtValue.Constant(e.Type, (int)v) with { Error = error }
                : new SmtValue(term, True, null);
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
        return SmtValue.Of(Ite(c.Term, t.Term, f.Term), error);
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
                Locals[slot] = SmtValue.Constant(type, type.ValueAt(o));
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
                    return SmtValue.Constant(IntType.Instance, bodies.Count(b => b.Const != 0)) with { Error = error };
                }

                var terms = bodies.Select(b => Ite(b.Term, "1", "0")).Where(t => t != "0").ToList();
                var sum = terms.Count switch
                {
                    0 => "0",
                    1 => terms[0],
                    _ => $"(+ {string.Join(' ', terms)})",
                };
                return SmtValue.Of(sum, error);
            }
        }
    }

    public SmtValue VisitHunk(HunkExpr e) => SmtValue.Constant(BoolType.Instance, variant.Applies(e.Hunk) ? 1 : 0);
}
