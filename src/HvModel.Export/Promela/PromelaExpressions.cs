using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Export.Promela;

/// <summary>
/// Writes HvModel expressions as Promela expressions, folding what is known while writing:
/// a bound local is a literal or a step variable's name, and an operator whose operands are
/// known is computed with HvModel's own integer semantics (<see cref="IntegerOps"/>); one that
/// would be a model error (overflow, a zero divisor) is left for pan to compute. The boolean
/// connectives fold only where evaluation order allows it: a known left operand decides or
/// vanishes, a known right operand vanishes only when it cannot decide, so that an operand
/// pan would evaluate (and may fail on, an index out of range) is never dropped. A read of a
/// place the step has already set to a literal is that literal (<see cref="State"/>).
/// </summary>
internal sealed class PromelaExpressions(Variant variant)
{
    /// <summary>The locals bound while a step is written: parameters, loop and choice values (literals), <c>let</c> values.</summary>
    public Dictionary<Local, PromelaCode> Locals { get; } = [];

    /// <summary>The values the step being written has put at known places: reads of them fold.</summary>
    public KnownValues State { get; } = new();

    /// <summary>While set, collects what the expressions written read at run time.</summary>
    public ReadSet? Reads { get; set; }

    public PromelaCode Code(Expr e) => e switch
    {
        LiteralExpr l => PromelaCode.Known(l.Value),
        VarExpr or IndexExpr => Read(e),
        LocalExpr l => Local(l.Local),
        UnaryExpr u => Unary(u.Op, Code(u.Operand)),
        BinaryExpr b => Binary(b.Op, b.Left, b.Right),
        CondExpr c => Cond(c),
        QuantExpr q => Quant(q),
        HunkExpr h => PromelaCode.Known(variant.Applies(h.Hunk) ? 1 : 0),
        _ => throw new NotSupportedException($"Promela export: no form for {e.GetType().Name}"),
    };

    /// <summary>
    /// The places a location may be, each a designator of the flattened variable under a
    /// condition on its indices (null: always), the conditions excluding each other and the
    /// last one implied by the others. One place, unless an index reads the very array it
    /// indexes: SPIN refuses <c>a[a[0]]</c>, so such an index is tested against each value of
    /// its type (an index out of its type, a model error in HvModel, takes the last place).
    /// </summary>
    public IReadOnlyList<Place> Places(Expr location)
    {
        var root = RootOf(location);
        return [.. Flatten(location, root).Select(p => new Place(p.Condition, root, p.Offset,
            root.Type is ArrayType ? $"{PromelaNames.Name(root)}[{p.Offset}]" : PromelaNames.Name(root)))];
    }

    /// <summary>One place a location may be: see <see cref="Places"/>.</summary>
    public sealed record Place(PromelaCode? Condition, StateVar Root, PromelaCode Offset, string Text);

    private PromelaCode Local(Local local)
    {
        var bound = Locals.TryGetValue(local, out var code) ? code : throw new InvalidOperationException($"unbound local {local.Name}");
        if (!bound.IsKnown && Reads is { } reads)
        {
            reads.Scratch = true; // a let's value, held in a scratch variable
        }

        return bound;
    }

    private PromelaCode Read(Expr e)
    {
        var places = Places(e);
        if (places.Count == 1)
        {
            var place = places[0];
            if (place.Offset is { Value: { } offset, MayFail: false } && State.TryGet(place.Root, offset, out var known))
            {
                return PromelaCode.Known(known);
            }

            Reads?.Places.Add(place.Root, place.Offset.Value);
            return PromelaCode.Runtime(place.Text, place.Offset.MayFail);
        }

        Reads?.Places.Add(places[0].Root, null);
        var chain = places[^1].Text;
        for (var k = places.Count - 2; k >= 0; k--)
        {
            chain = $"({places[k].Condition} -> {places[k].Text} : {chain})";
        }

        return PromelaCode.Runtime(chain, true);
    }

    /// <summary>The offsets into the flattened variable an index chain may have, each under its condition; an offset may fail when some index may be out of its type.</summary>
    private List<(PromelaCode? Condition, PromelaCode Offset)> Flatten(Expr e, StateVar root)
    {
        if (e is VarExpr)
        {
            return [(null, PromelaCode.Known(0))];
        }

        var ix = e as IndexExpr ?? throw new NotSupportedException($"Promela export: not a location: {e.GetType().Name}");
        var array = (ArrayType)ix.Array.Type;
        var stride = Types.SlotCount(array.Element);
        var index = Code(ix.Index);
        var terms = new List<(PromelaCode? Condition, PromelaCode Term)>();
        if (!index.IsKnown && Mentions(ix.Index, root))
        {
            foreach (var value in array.Index.Values())
            {
                terms.Add((PromelaCode.Runtime($"({index} == {PromelaCode.Literal(value)})", index.MayFail), PromelaCode.Known(array.Index.OrdinalOf(value) * stride)));
            }
        }
        else
        {
            var fails = index.MayFail || !(index.Value is { } known && array.Index.OrdinalOf(known) >= 0);
            var ordinal = array.Index is RangeType r && r.Lo != 0
                ? index.Value is { } i ? PromelaCode.Known(i - r.Lo) : PromelaCode.Runtime($"({index} - {PromelaCode.Literal(r.Lo)})", fails)
                : index;
            var term = stride == 1 ? ordinal : ordinal.Value is { } o ? PromelaCode.Known(o * stride) : PromelaCode.Runtime($"{ordinal} * {stride}", fails);
            terms.Add((null, term with { MayFail = fails }));
        }

        return [.. Flatten(ix.Array, root).SelectMany(outer => terms.Select(t => (Both(outer.Condition, t.Condition), outer.Offset.Value == 0 ? t.Term : Sum(outer.Offset, t.Term))))];
    }

    private static PromelaCode? Both(PromelaCode? a, PromelaCode? b) =>
        a is not { } x ? b : b is not { } y ? a : PromelaCode.Runtime($"({x} && {y})", x.MayFail || y.MayFail);

    // Offsets index arrays of at most a few million slots: plain arithmetic, no overflow.
    private static PromelaCode Sum(PromelaCode a, PromelaCode b) =>
        a.Value is { } x && b.Value is { } y ? PromelaCode.Known(x + y) : PromelaCode.Runtime($"{a} + {b}", a.MayFail || b.MayFail);

    private static StateVar RootOf(Expr e) => e switch
    {
        VarExpr v => v.Var,
        IndexExpr ix => RootOf(ix.Array),
        _ => throw new NotSupportedException($"Promela export: not a location: {e.GetType().Name}"),
    };

    /// <summary>True when <paramref name="e"/> reads <paramref name="v"/> somewhere.</summary>
    private static bool Mentions(Expr e, StateVar v) => e switch
    {
        VarExpr x => x.Var == v,
        IndexExpr ix => Mentions(ix.Array, v) || Mentions(ix.Index, v),
        UnaryExpr u => Mentions(u.Operand, v),
        BinaryExpr b => Mentions(b.Left, v) || Mentions(b.Right, v),
        CondExpr c => Mentions(c.Condition, v) || Mentions(c.Then, v) || Mentions(c.Else, v),
        QuantExpr q => Mentions(q.Body, v),
        _ => false,
    };

    private static PromelaCode Unary(UnaryOp op, PromelaCode operand) => (op, operand.Value) switch
    {
        (UnaryOp.Not, { } v) => PromelaCode.Known(v == 0 ? 1 : 0),
        (UnaryOp.Not, null) => PromelaCode.Runtime(PromelaCode.Negate(operand.Text), operand.MayFail),
        (UnaryOp.Negate, { } v) when v != int.MinValue => PromelaCode.Known(-v),
        (UnaryOp.Negate, _) => PromelaCode.Runtime($"(-{operand})", true), // -(int.MinValue) overflows
        _ => throw new NotSupportedException($"Promela export: no form for operator {op}"),
    };

    private PromelaCode Binary(BinaryOp op, Expr left, Expr right)
    {
        var l = Code(left);
        switch (op)
        {
            // Short-circuit, as in HvModel and in C: a known left operand may decide the result
            // before the right one is written at all.
            case BinaryOp.And when l.IsFalse:
                return PromelaCode.False;
            case BinaryOp.Or when l.IsTrue:
                return PromelaCode.True;
            case BinaryOp.Implies when l.IsFalse:
                return PromelaCode.True;
            case BinaryOp.And or BinaryOp.Or or BinaryOp.Implies:
                return Connective(op, l, Code(right));
        }

        var r = Code(right);
        if (l.Value is { } a && r.Value is { } b && Fold(op, a, b) is { } folded)
        {
            return PromelaCode.Known(folded);
        }

        // Arithmetic on a value known only to pan may overflow, divide by zero or shift a
        // negative number: HvModel's model errors. A comparison fails only where its operands do.
        var mayFail = IntegerOps.IsArithmetic(op) || l.MayFail || r.MayFail;
        return PromelaCode.Runtime(op switch
        {
            BinaryOp.Add => $"({l} + {r})",
            BinaryOp.Subtract => $"({l} - {r})",
            BinaryOp.Multiply => $"({l} * {r})",
            BinaryOp.Divide => $"({l} / {r})",      // C truncation in both
            BinaryOp.Modulo => $"({l} % {r})",
            BinaryOp.BitAnd => $"({l} & {r})",
            BinaryOp.BitOr => $"({l} | {r})",
            BinaryOp.BitXor => $"({l} ^ {r})",
            BinaryOp.ShiftLeft => $"({l} << {r})",
            BinaryOp.ShiftRight => $"({l} >> {r})",
            BinaryOp.Equal => $"({l} == {r})",
            BinaryOp.NotEqual => $"({l} != {r})",
            BinaryOp.Less => $"({l} < {r})",
            BinaryOp.LessEqual => $"({l} <= {r})",
            BinaryOp.Greater => $"({l} > {r})",
            BinaryOp.GreaterEqual => $"({l} >= {r})",
            BinaryOp.Iff => $"(({l} != 0) == ({r} != 0))",
            _ => throw new NotSupportedException($"Promela export: no form for operator {op}"),
        }, mayFail);
    }

    /// <summary>The value of a non-connective operator on known operands; null when HvModel would report a model error there.</summary>
    private static int? Fold(BinaryOp op, int l, int r) => op switch
    {
        _ when IntegerOps.IsArithmetic(op) => IntegerOps.Apply(op, l, r, out var result) is null ? result : null,
        _ => IntegerOps.Compare(op, l, r),
    };

    /// <summary>
    /// <c>and</c>, <c>or</c>, <c>-></c> once the left operand has not decided the result alone.
    /// A known right operand that decides the result replaces the whole only when the left one
    /// cannot fail: HvModel evaluates it first.
    /// </summary>
    private static PromelaCode Connective(BinaryOp op, PromelaCode l, PromelaCode r) => op switch
    {
        // A known left operand that does not decide leaves the right one (a boolean: 0 or 1).
        _ when l.IsKnown => r,
        BinaryOp.And when r.IsTrue => l,
        BinaryOp.And when r.IsFalse && !l.MayFail => PromelaCode.False,
        BinaryOp.Or when r.IsFalse => l,
        BinaryOp.Or when r.IsTrue && !l.MayFail => PromelaCode.True,
        BinaryOp.Implies when r.IsFalse => Unary(UnaryOp.Not, l),
        BinaryOp.Implies when r.IsTrue && !l.MayFail => PromelaCode.True,
        BinaryOp.And => PromelaCode.Runtime($"({l} && {r})", l.MayFail || r.MayFail),
        BinaryOp.Or => PromelaCode.Runtime($"({l} || {r})", l.MayFail || r.MayFail),
        _ => PromelaCode.Runtime($"({PromelaCode.Negate(l.Text)} || {r})", l.MayFail || r.MayFail),
    };

    private PromelaCode Cond(CondExpr c)
    {
        var condition = Code(c.Condition);
        if (condition.IsKnown)
        {
            return Code(condition.IsTrue ? c.Then : c.Else);
        }

        var (then, otherwise) = (Code(c.Then), Code(c.Else));
        return PromelaCode.Runtime($"({condition} -> {then} : {otherwise})", condition.MayFail || then.MayFail || otherwise.MayFail);
    }

    private PromelaCode Quant(QuantExpr q)
    {
        // Each instance of the body in order, as HvModel evaluates them: forall and exists stop
        // at the first instance that decides; count adds them all.
        var parts = new List<PromelaCode>();
        var known = 0;
        foreach (var value in q.Variable.Domain.Values())
        {
            var part = ScopedBinding.With(Locals, q.Variable, PromelaCode.Known(value), () => Code(q.Body));
            var decides = q.Quantifier switch
            {
                Quantifier.Forall => part.IsFalse,
                Quantifier.Exists => part.IsTrue,
                _ => false,
            };
            if (decides)
            {
                // The instances before it are evaluated first: they stay when they may fail.
                return !parts.Any(p => p.MayFail) ? part : PromelaCode.Runtime($"({string.Join(q.Quantifier == Quantifier.Forall ? " && " : " || ", parts)} {(q.Quantifier == Quantifier.Forall ? "&& false" : "|| true")})", true);
            }

            if (part.Value is { } v)
            {
                known += q.Quantifier == Quantifier.Count && v != 0 ? 1 : 0;
                continue;
            }

            parts.Add(part);
        }

        var mayFail = parts.Any(p => p.MayFail);
        return q.Quantifier switch
        {
            Quantifier.Forall => parts.Count == 0 ? PromelaCode.True : parts.Count == 1 ? parts[0] : PromelaCode.Runtime($"({string.Join(" && ", parts)})", mayFail),
            Quantifier.Exists => parts.Count == 0 ? PromelaCode.False : parts.Count == 1 ? parts[0] : PromelaCode.Runtime($"({string.Join(" || ", parts)})", mayFail),
            _ when parts.Count == 0 => PromelaCode.Known(known),
            _ => PromelaCode.Runtime($"({string.Join(" + ", parts.Select(p => $"({p} -> 1 : 0)").Prepend(known == 0 ? null : PromelaCode.Literal(known)).OfType<string>())})", mayFail),
        };
    }
}
