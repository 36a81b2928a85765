using HvModel.Core.Ir;

namespace HvModel.Export.Murphi;

/// <summary>
/// Writes HvModel expressions as Murphi expressions, fully bracketed (Rumur's <c>!</c> binds
/// more loosely than its comparisons). Values of split scalarsets (see <see cref="MurphiTypes"/>)
/// are compared and used as indices case by case: a value known when the text is written
/// selects a field or a rest element directly; a value held at run time is tested by its tag,
/// and its rest part is read only under the test that it is a rest member (Rumur's <c>&amp;</c>,
/// <c>|</c> and <c>?:</c> are C's, evaluated left to right, so an undefined part is never read).
/// Conditions constant in the variant (hunks, configuration constants) are folded.
/// </summary>
internal sealed class MurphiExpressions(MurphiGlobals globals, MurphiFrame frame)
{
    private MurphiTypes Types => globals.Types;

    /// <summary>One place an HvModel location may be: the Murphi designator, under a condition on the indices (null: always).</summary>
    public sealed record Alternative(string? Guard, string Path);

    /// <summary>The value of an expression of any type.</summary>
    public MurphiValue Value(Expr e) => e switch
    {
        LiteralExpr l when l.Type is ScalarType s => Types.Constant(s, l.Value),
        LiteralExpr l => new PlainValue(Types.Literal(l.Type, l.Value)),
        VarExpr or IndexExpr => Read(e),
        LocalExpr l => frame[l.Local],
        CondExpr c => Cond(c),
        _ => new PlainValue(Text(e)),
    };

    /// <summary>The text of an expression of a type that is not split (booleans, integers, enums, plain scalarsets).</summary>
    public string Text(Expr e) => e switch
    {
        LiteralExpr or VarExpr or IndexExpr or LocalExpr or CondExpr => Whole(Value(e)),
        UnaryExpr { Op: UnaryOp.Not } u => Not(Text(u.Operand)),
        UnaryExpr { Op: UnaryOp.Negate } u => $"(-{Text(u.Operand)})",
        BinaryExpr b => Binary(b),
        QuantExpr q => Quant(q),
        HunkExpr h => globals.Variant.Applies(h.Hunk) ? "true" : "false",
        _ => throw new NotSupportedException($"Murphi export: no form for {e.GetType().Name}"),
    };

    /// <summary>The text of a value of a type that is not split.</summary>
    public static string Whole(MurphiValue v) =>
        v is PlainValue p ? p.Text : throw new InvalidOperationException($"Murphi export: a value of a split scalarset where a whole value was expected ({v})");

    /// <summary>The places a location (a variable, or an index chain over one) may be, under conditions that exclude each other and cover every case.</summary>
    public List<Alternative> Alternatives(Expr location)
    {
        switch (location)
        {
            case VarExpr v:
                return [new Alternative(null, globals.Vars[v.Var])];
            case IndexExpr ix:
                var array = (ArrayType)ix.Array.Type;
                var index = Value(ix.Index);
                var result = new List<Alternative>();
                foreach (var outer in Alternatives(ix.Array))
                {
                    foreach (var (guard, selector) in Selectors(array.Index, index))
                    {
                        result.Add(new Alternative(guard is null ? outer.Guard : outer.Guard is null ? guard : And(outer.Guard, guard), outer.Path + selector));
                    }
                }

                return result;
            default:
                throw new NotSupportedException($"Murphi export: not a location: {location.GetType().Name}");
        }
    }

    /// <summary>How an index value selects an element: <c>[i]</c>, or in a split array a member's field or the rest array's element.</summary>
    private IEnumerable<(string? Guard, string Selector)> Selectors(ScalarType indexType, MurphiValue index)
    {
        if (!MurphiTypes.IsSplit(indexType))
        {
            return [(null, $"[{Whole(index)}]")];
        }

        var s = (ScalarsetType)indexType;
        return index switch
        {
            MemberValue m => [(null, $".{Types.Member(s, m.Ordinal)}")],
            RestValue r => [(null, $".{Types.RestField(s)}[{r.Text}]")],
            HeldValue h => Enumerable.Range(0, s.Fixed)
                .Select(k => ((string?)$"({h.Which} = {Types.Member(s, k)})", $".{Types.Member(s, k)}"))
                .Concat(h.Rest is null ? [] : [($"({h.Which} = {Types.RestTag(s)})", $".{Types.RestField(s)}[{h.Rest}]")])
                .ToList(),
            _ => throw new InvalidOperationException($"Murphi export: {index} indexes a split array"),
        };
    }

    private MurphiValue Read(Expr location)
    {
        var alternatives = Alternatives(location);
        if (location.Type is ScalarsetType s && MurphiTypes.IsSplit(s))
        {
            return new HeldValue(
                s, Choose(alternatives, p => $"{p}.which"), Choose(alternatives, p => $"{p}.rest"), alternatives.Count == 1 ? alternatives[0].Path : null);
        }

        return new PlainValue(Choose(alternatives, p => p));
    }

    /// <summary>The designator of the one alternative, or a chain of <c>?:</c> over their guards (the last needs none).</summary>
    private static string Choose(List<Alternative> alternatives, Func<string, string> read)
    {
        var text = read(alternatives[^1].Path);
        for (var k = alternatives.Count - 2; k >= 0; k--)
        {
            text = $"({alternatives[k].Guard} ? {read(alternatives[k].Path)} : {text})";
        }

        return text;
    }

    private MurphiValue Cond(CondExpr c)
    {
        var condition = Text(c.Condition);
        if (condition is "true" or "false")
        {
            return Value(condition == "true" ? c.Then : c.Else);
        }

        var then = Value(c.Then);
        var otherwise = Value(c.Else);
        if (then is PlainValue a && otherwise is PlainValue b)
        {
            return new PlainValue($"({condition} ? {a.Text} : {b.Text})");
        }

        var x = Held(then);
        var y = Held(otherwise);
        var rest = x.Rest is null ? y.Rest : y.Rest is null ? x.Rest : $"({condition} ? {x.Rest} : {y.Rest})";
        return new HeldValue(x.Type, $"({condition} ? {x.Which} : {y.Which})", rest, null);
    }

    /// <summary>A split value as a tag and a rest part.</summary>
    public HeldValue Held(MurphiValue v) => v switch
    {
        HeldValue h => h,
        MemberValue m => new HeldValue(m.Type, Types.Member(m.Type, m.Ordinal), null, null),
        RestValue r => new HeldValue(r.Type, Types.RestTag(r.Type), r.Text, null),
        _ => throw new InvalidOperationException($"Murphi export: {v} is not a split value"),
    };

    private string Binary(BinaryExpr b)
    {
        if (b.Type is BoolType && b.Left is LiteralExpr && b.Right is LiteralExpr && MurphiChoices.Constant(b, globals.Variant) is { } known)
        {
            return known ? "true" : "false"; // configuration constants compared, as MurphiChoices folds them
        }

        switch (b.Op)
        {
            case BinaryOp.Equal:
                return Equal(Value(b.Left), Value(b.Right), negated: false);
            case BinaryOp.NotEqual:
                return Equal(Value(b.Left), Value(b.Right), negated: true);
            case BinaryOp.And:
                return And(Text(b.Left), Text(b.Right));
            case BinaryOp.Or:
                return Or(Text(b.Left), Text(b.Right));
            case BinaryOp.Implies:
                return Or(Not(Text(b.Left)), Text(b.Right));
            case BinaryOp.Iff:
                var (p, q) = (Text(b.Left), Text(b.Right));
                return p is "true" or "false" && q is "true" or "false" ? (p == q ? "true" : "false") : $"({p} = {q})";
        }

        var l = Text(b.Left);
        var r = Text(b.Right);
        var op = b.Op switch
        {
            BinaryOp.Add => "+",
            BinaryOp.Subtract => "-",
            BinaryOp.Multiply => "*",
            BinaryOp.Divide => "/",        // C's truncation, as HvModel's
            BinaryOp.Modulo => "%",
            BinaryOp.BitAnd => "&",        // on integers, Rumur's & | ^ are bitwise
            BinaryOp.BitOr => "|",
            BinaryOp.BitXor => "^",
            BinaryOp.ShiftLeft => "<<",
            BinaryOp.ShiftRight => ">>",
            BinaryOp.Less => "<",
            BinaryOp.LessEqual => "<=",
            BinaryOp.Greater => ">",
            BinaryOp.GreaterEqual => ">=",
            _ => throw new NotSupportedException($"Murphi export: no form for operator {b.Op}"),
        };
        return $"({l} {op} {r})";
    }

    /// <summary>Equality (or, <paramref name="negated"/>, inequality) of two values of one type, split values case by case.</summary>
    public string Equal(MurphiValue a, MurphiValue b, bool negated)
    {
        var (eq, ne) = negated ? ("!=", "true") : ("=", "false");
        string Same(bool same) => same != negated ? "true" : "false";
        switch (a, b)
        {
            case (PlainValue x, PlainValue y):
                return x.Text == y.Text ? Same(true) : $"({x.Text} {eq} {y.Text})";
            case (MemberValue x, MemberValue y):
                return Same(x.Ordinal == y.Ordinal);
            case (MemberValue, RestValue) or (RestValue, MemberValue):
                return ne;
            case (RestValue x, RestValue y):
                return x.Text == y.Text ? Same(true) : $"({x.Text} {eq} {y.Text})";
            case (HeldValue, not HeldValue):
                return Equal(b, a, negated);
        }

        var held = (HeldValue)b;
        var tag = Types.RestTag(held.Type);
        switch (a)
        {
            case MemberValue m:
                return $"({held.Which} {eq} {Types.Member(m.Type, m.Ordinal)})";
            case RestValue when held.Rest is null:
                return ne;
            case RestValue r:
                // The rest part is read only when the tag says it is defined.
                return negated ? $"(({held.Which} != {tag}) | ({held.Rest} != {r.Text}))" : $"(({held.Which} = {tag}) & ({held.Rest} = {r.Text}))";
            default:
                var other = (HeldValue)a;
                var which = $"({other.Which} = {held.Which})";
                var equal = other.Rest is null || held.Rest is null ? which : $"({which} & (({other.Which} != {tag}) | ({other.Rest} = {held.Rest})))";
                return negated ? Not(equal) : equal;
        }
    }

    private string Quant(QuantExpr q)
    {
        if (q.Quantifier == Quantifier.Count)
        {
            return new MurphiCounts(globals, frame).Call(q);
        }

        var forall = q.Quantifier == Quantifier.Forall;
        var keyword = forall ? "forall" : "exists";
        var domain = q.Variable.Domain;
        var name = frame.Scope.NameOf(q.Variable);
        var parts = new List<string>();
        if (domain is ScalarsetType s && MurphiTypes.IsSplit(s))
        {
            for (var k = 0; k < s.Fixed; k++)
            {
                parts.Add(frame.With(q.Variable, new MemberValue(s, k), () => Text(q.Body)));
            }

            var rest = frame.With(q.Variable, new RestValue(s, name), () => Text(q.Body));
            parts.Add($"{keyword} {name}: {Types.Rest(s)} do {rest} end");
        }
        else
        {
            var body = frame.With(q.Variable, new PlainValue(name), () => Text(q.Body), Types.Domain(domain));
            parts.Add($"{keyword} {name}: {Types.Domain(domain)} do {body} end");
        }

        return parts.Aggregate(forall ? And : Or);
    }

    /// <summary>Negation, folded on constants.</summary>
    public static string Not(string a) => a switch
    {
        "true" => "false",
        "false" => "true",
        _ => $"(!{a})",
    };

    /// <summary>Conjunction, folded on constants.</summary>
    public static string And(string a, string b) =>
        a == "false" || b == "false" ? "false" : a == "true" ? b : b == "true" ? a : $"({a} & {b})";

    /// <summary>Disjunction, folded on constants.</summary>
    public static string Or(string a, string b) =>
        a == "true" || b == "true" ? "true" : a == "false" ? b : b == "false" ? a : $"({a} | {b})";
}
