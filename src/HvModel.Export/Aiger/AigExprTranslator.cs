using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Export.Aiger;

/// <summary>
/// Translates IR expressions to and-inverter graph words over the current symbolic state: the
/// AIGER export's visitor, beside the evaluator's and the SMT translator's. Quantifiers are
/// expanded over their finite types, an array read with a symbolic index is a multiplexer
/// over the index type, and every node also yields the literal that the evaluator would raise
/// a model error evaluating it, with the evaluator's short-circuit order (the right side of
/// <c>and</c> is evaluated only when the left holds, a quantifier stops at the first body that
/// decides it, a conditional evaluates one branch).
/// </summary>
public sealed class AigExprTranslator(Variant variant, WordArithmetic arithmetic, int frameSize) : IExprVisitor<AigValue>
{
    private Aig G => Arithmetic.Graph;

    public WordArithmetic Arithmetic { get; } = arithmetic;

    /// <summary>The current word of every state slot.</summary>
    public AigWord[] Slots { get; set; } = [];

    /// <summary>Bound names by <see cref="Local.Slot"/>; null when unbound.</summary>
    public AigWord?[] Locals { get; } = new AigWord?[Math.Max(1, frameSize)];

    public AigValue Translate(Expr e) => e.Accept(this);

    /// <summary>A translator with copies of this one's slots and bound names (one branch of a case split).</summary>
    public AigExprTranslator Clone()
    {
        var copy = new AigExprTranslator(variant, Arithmetic, Locals.Length) { Slots = (AigWord[])Slots.Clone() };
        Locals.CopyTo(copy.Locals, 0);
        return copy;
    }

    /// <summary>The slots a location may denote, each with the literal that it is the one, and the error literal of computing it.</summary>
    public List<(int Guard, int Slot)> Locate(Expr location, out int error)
    {
        switch (location)
        {
            case VarExpr v:
                error = Aig.False;
                return [(Aig.True, v.Var.FirstSlot)];
            case IndexExpr ix:
            {
                var array = (ArrayType)ix.Array.Type;
                var stride = Types.SlotCount(array.Element);
                var index = Translate(ix.Index);
                var inner = Locate(ix.Array, out var innerError);
                error = G.OrAll([index.Error, Arithmetic.OutOfRange(array.Index, index.Word), innerError]);
                if (index.Word.Const is { } c)
                {
                    // A constant index out of range is an error on every path to it; the slot it
                    // denotes then does not matter.
                    var ordinal = Math.Max(0, array.Index.OrdinalOf((int)c));
                    return [.. inner.Select(l => (l.Guard, l.Slot + (ordinal * stride)))];
                }

                var result = new List<(int, int)>();
                foreach (var (guard, slot) in inner)
                {
                    for (var o = 0; o < array.Index.Count; o++)
                    {
                        var here = G.And(guard, Arithmetic.EqualsValue(index.Word, array.Index.ValueAt(o)));
                        if (here != Aig.False)
                        {
                            result.Add((here, slot + (o * stride)));
                        }
                    }
                }

                return result;
            }

            default:
                throw new InvalidOperationException($"not a location: {location}");
        }
    }

    public AigValue VisitLiteral(LiteralExpr e) => AigValue.Of(AigWord.Constant(e.Value));

    public AigValue VisitVar(VarExpr e) => e.Type is ScalarType
        ? AigValue.Of(Slots[e.Var.FirstSlot])
        : throw new InvalidOperationException($"the whole array '{e.Var.Name}' used as a value");

    public AigValue VisitIndex(IndexExpr e)
    {
        var locations = Locate(e, out var error);
        if (locations.Count == 0)
        {
            // Every candidate index is out of range: the error literal says so; any value will do.
            return new AigValue(Slots[Slot0(e)], error);
        }

        // The last candidate is the default: with the index out of range the value does not
        // matter, the error literal is true.
        var word = Slots[locations[^1].Slot];
        for (var i = locations.Count - 2; i >= 0; i--)
        {
            word = Arithmetic.Ite(locations[i].Guard, Slots[locations[i].Slot], word);
        }

        return new AigValue(word, error);
    }

    private static int Slot0(Expr e) => e switch
    {
        VarExpr v => v.Var.FirstSlot,
        IndexExpr ix => Slot0(ix.Array),
        _ => 0,
    };

    public AigValue VisitLocal(LocalExpr e) =>
        AigValue.Of(Locals[e.Local.Slot] ?? throw new InvalidOperationException($"'{e.Local.Name}' is not bound"));

    public AigValue VisitUnary(UnaryExpr e)
    {
        var v = Translate(e.Operand);
        if (e.Op == UnaryOp.Not)
        {
            return AigValue.Bool(Aig.Not(v.Bit), v.Error);
        }

        var n = Arithmetic.Negate(v.Word);
        return n with { Error = G.Or(v.Error, n.Error) };
    }

    public AigValue VisitBinary(BinaryExpr e)
    {
        var l = Translate(e.Left);
        var r = Translate(e.Right);
        switch (e.Op)
        {
            // The connectives short-circuit in the evaluator: the right side's error counts only
            // when the left side lets evaluation reach it.
            case BinaryOp.And:
                return AigValue.Bool(G.And(l.Bit, r.Bit), G.Or(l.Error, G.And(l.Bit, r.Error)));
            case BinaryOp.Or:
                return AigValue.Bool(G.Or(l.Bit, r.Bit), G.Or(l.Error, G.And(Aig.Not(l.Bit), r.Error)));
            case BinaryOp.Implies:
                return AigValue.Bool(G.Implies(l.Bit, r.Bit), G.Or(l.Error, G.And(l.Bit, r.Error)));
            case BinaryOp.Iff:
                return AigValue.Bool(G.Iff(l.Bit, r.Bit), G.Or(l.Error, r.Error));
        }

        var error = G.Or(l.Error, r.Error);
        if (IntegerOps.IsArithmetic(e.Op))
        {
            // Evaluation stops at an operand's error, so this operator's own error adds to it.
            var result = Arithmetic.Apply(e.Op, l.Word, r.Word);
            return result with { Error = G.Or(error, result.Error) };
        }

        return AigValue.Bool(Arithmetic.Compare(e.Op, l.Word, r.Word), error);
    }

    public AigValue VisitCond(CondExpr e)
    {
        var c = Translate(e.Condition);
        if (Aig.IsConstant(c.Bit))
        {
            var taken = Translate(c.Bit == Aig.True ? e.Then : e.Else);
            return taken with { Error = G.Or(c.Error, taken.Error) };
        }

        var t = Translate(e.Then);
        var f = Translate(e.Else);
        var error = G.OrAll([c.Error, G.And(c.Bit, t.Error), G.And(Aig.Not(c.Bit), f.Error)]);
        return new AigValue(Arithmetic.Ite(c.Bit, t.Word, f.Word), error);
    }

    public AigValue VisitQuant(QuantExpr e)
    {
        var slot = e.Variable.Slot;
        var saved = Locals[slot];
        var type = e.Variable.Domain;
        var bodies = new List<AigValue>();
        try
        {
            for (var o = 0; o < type.Count; o++)
            {
                Locals[slot] = AigWord.Constant(type.ValueAt(o));
                bodies.Add(Translate(e.Body));
            }
        }
        finally
        {
            Locals[slot] = saved;
        }

        // The evaluator stops at the first body that decides a forall/exists, so a later body's
        // error counts only when every earlier body let evaluation go on.
        var errors = new List<int>();
        var goOn = Aig.True;
        foreach (var body in bodies)
        {
            errors.Add(G.And(goOn, body.Error));
            goOn = e.Quantifier switch
            {
                Quantifier.Forall => G.And(goOn, body.Bit),
                Quantifier.Exists => G.And(goOn, Aig.Not(body.Bit)),
                _ => Aig.True,
            };
        }

        var error = G.OrAll(errors);
        return e.Quantifier switch
        {
            Quantifier.Forall => AigValue.Bool(G.AndAll(bodies.Select(b => b.Bit)), error),
            Quantifier.Exists => AigValue.Bool(G.OrAll(bodies.Select(b => b.Bit)), error),
            _ => new AigValue(Arithmetic.Count([.. bodies.Select(b => b.Bit)]), error),
        };
    }

    public AigValue VisitHunk(HunkExpr e) => AigValue.Bool(variant.Applies(e.Hunk) ? Aig.True : Aig.False);
}
