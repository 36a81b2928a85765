using HvModel.Core.Ir;
using HvModel.Symbolic.Translation;
using static HvModel.Symbolic.Smt.SmtTerms;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// Translates IR expressions to SMT terms over a <see cref="StateView"/> of the parameterized
/// model: the visitor beside the evaluator, the compiled engine and the per-state SMT
/// translator. A quantifier over a scalarset becomes an SMT quantifier over its sort (any size);
/// one over a finite type (bool, enum, range) is expanded. '/', '%' and the bit operators go
/// through <see cref="IntegerOperators"/>, the per-state translator's own encoding. Every node
/// also yields the condition under which the evaluator raises a model error; under a
/// quantifier over a scalarset it is over-approximated (some member's body raises it), which
/// can only make a proof harder, never wrong.
/// </summary>
public sealed class ParamExprTranslator(ProveVocabulary vocabulary, Variant variant, int frameSize, FreshNames names) : IExprVisitor<SmtValue>
{
    public ProveVocabulary Vocabulary { get; } = vocabulary;

    public StateView State { get; set; } = StateView.Named(vocabulary.Model, "x");

    /// <summary>Bound names by <see cref="Local.Slot"/>; null when unbound.</summary>
    public SmtValue?[] Locals { get; } = new SmtValue?[Math.Max(1, frameSize)];

    /// <summary>Called for every read of a state variable with its index terms (loops check what they read).</summary>
    public Action<StateVar, IReadOnlyList<string>>? OnRead { get; set; }

    public SmtValue Translate(Expr e) => e.Accept(this);

    /// <summary>The variable and the index terms a location (<c>a[i][j]</c>) denotes, with the error of computing them.</summary>
    public (StateVar Var, List<string> Indices, string Error) Locate(Expr location)
    {
        var chain = new List<IndexExpr>();
        var e = location;
        while (e is IndexExpr ix)
        {
            chain.Add(ix);
            e = ix.Array;
        }

        if (e is not VarExpr v)
        {
            throw new InvalidOperationException($"not a location: {location}");
        }

        chain.Reverse();
        var indices = new List<string>();
        var errors = new List<string>();
        foreach (var ix in chain)
        {
            var array = (ArrayType)ix.Array.Type;
            var index = Translate(ix.Index);
            errors.Add(index.Error);
            errors.Add(OutOfRange(array.Index, ix.Index.Type, index));
            indices.Add(index.Term);
        }

        return (v.Var, indices, Or(errors));
    }

    /// <summary>The condition that <paramref name="value"/> (of static type <paramref name="from"/>) lies outside <paramref name="to"/>.</summary>
    public static string OutOfRange(ScalarType to, HvType from, SmtValue value)
    {
        if (to is not RangeType || ReferenceEquals(from, to))
        {
            return False;
        }

        return value.Const is { } c ? Bool(to.OrdinalOf(c) < 0) : Not(InRange(to, value.Term));
    }

    public SmtValue VisitLiteral(LiteralExpr e) => new(ProveVocabulary.Literal(e.Type, e.Value), False, e.Value);

    public SmtValue VisitVar(VarExpr e) => Read(e.Var, [], False);

    public SmtValue VisitIndex(IndexExpr e)
    {
        var (v, indices, error) = Locate(e);
        return Read(v, indices, error);
    }

    private SmtValue Read(StateVar v, List<string> indices, string error)
    {
        OnRead?.Invoke(v, indices);
        return SmtValue.Of(State[v](indices), error);
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
                ? new SmtValue(ProveVocabulary.Literal(IntType.Instance, -c), v.Error, -c)
                : SmtValue.Of($"(- {v.Term})", Or(v.Error, Overflows($"(- {v.Term})"))),
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
                return Boolean(And(l.Term, r.Term), Or(l.Error, And(l.Term, r.Error)));
            case BinaryOp.Or:
                return Boolean(Or(l.Term, r.Term), Or(l.Error, And(Not(l.Term), r.Error)));
            case BinaryOp.Implies:
                return Boolean(Implies(l.Term, r.Term), Or(l.Error, And(l.Term, r.Error)));
        }

        var error = Or(l.Error, r.Error);
        if (e.Op is BinaryOp.Divide or BinaryOp.Modulo or BinaryOp.BitAnd or BinaryOp.BitOr or BinaryOp.BitXor
            or BinaryOp.ShiftLeft or BinaryOp.ShiftRight)
        {
            return IntegerOperators.Translate(e.Op, l, r, error);
        }

        if (e.Op is BinaryOp.Equal or BinaryOp.Iff or BinaryOp.NotEqual)
        {
            var same = l.Const is { } a && r.Const is { } b ? Bool(a == b) : Eq(l.Term, r.Term);
            return Boolean(e.Op == BinaryOp.NotEqual ? Not(same) : same, error);
        }

        var function = e.Op switch
        {
            BinaryOp.Add => "+",
            BinaryOp.Subtract => "-",
            BinaryOp.Multiply => "*",
            BinaryOp.Less => "<",
            BinaryOp.LessEqual => "<=",
            BinaryOp.Greater => ">",
            BinaryOp.GreaterEqual => ">=",
            _ => throw new InvalidOperationException(e.Op.ToString()),
        };
        var term = $"({function} {l.Term} {r.Term})";
        if (e.Op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply)
        {
            // Values are 32-bit in the evaluator: a result outside that range is a model error there.
            return SmtValue.Of(term, Or(error, Overflows(term)));
        }

        return SmtValue.Of(term, error);
    }

    private static SmtValue Boolean(string term, string error) =>
        new(term, error, term switch { True => 1, False => 0, _ => null });

    private static string Overflows(string term) => $"(or (< {term} (- 2147483648)) (> {term} 2147483647))";

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
        try
        {
            return e.Variable.Domain is ScalarsetType s ? OverSort(e, s) : Expanded(e);
        }
        finally
        {
            Locals[slot] = saved;
        }
    }

    private SmtValue OverSort(QuantExpr e, ScalarsetType s)
    {
        if (e.Quantifier == Quantifier.Count)
        {
            throw new ProveUnsupportedException($"'count' over the scalarset {s.Name} has no first-order translation for every size", e.Span);
        }

        var bound = names.Fresh("q");
        Locals[e.Variable.Slot] = SmtValue.Of(bound);
        var body = Translate(e.Body);
        var binding = $"(({bound} {ProveVocabulary.SortOf(s)}))";
        var error = body.Error == False ? False : $"(exists {binding} {body.Error})";
        var term = body.Term is True or False ? body.Term
            : e.Quantifier == Quantifier.Forall ? $"(forall {binding} {body.Term})" : $"(exists {binding} {body.Term})";
        return Boolean(term, error);
    }

    private SmtValue Expanded(QuantExpr e)
    {
        var type = e.Variable.Domain;
        var bodies = new List<SmtValue>();
        for (var o = 0; o < type.Count; o++)
        {
            var value = type.ValueAt(o);
            Locals[e.Variable.Slot] = new SmtValue(ProveVocabulary.Literal(type, value), False, value);
            bodies.Add(Translate(e.Body));
        }

        var error = Or(bodies.Select(b => b.Error));
        switch (e.Quantifier)
        {
            case Quantifier.Forall:
                return Boolean(And(bodies.Select(b => b.Term)), error);
            case Quantifier.Exists:
                return Boolean(Or(bodies.Select(b => b.Term)), error);
            default:
                var terms = bodies.Select(b => Ite(b.Term, "1", "0")).Where(t => t != "0").ToList();
                var sum = terms.Count switch { 0 => "0", 1 => terms[0], _ => $"(+ {string.Join(' ', terms)})" };
                return sum == "0" ? new SmtValue("0", error, 0) : SmtValue.Of(sum, error);
        }
    }

    public SmtValue VisitHunk(HunkExpr e)
    {
        var applies = variant.Applies(e.Hunk);
        return new SmtValue(Bool(applies), False, applies ? 1 : 0);
    }
}

/// <summary>Fresh SMT names for one query: bound variables, choices, shared terms.</summary>
public sealed class FreshNames
{
    private int next;

    /// <summary>A new name <c>KIND.N.</c>; the closing dot keeps <c>q.1.</c> from being a prefix of <c>q.10.</c>.</summary>
    public string Fresh(string kind) => $"{kind}.{next++}.";
}
