namespace HvModel.TestSupport.Generation;

/// <summary>
/// Random well-typed statements over a <see cref="Scope"/>: assignments to variables and array
/// elements, <c>if</c>/<c>elsif</c>/<c>else</c>, <c>for</c>, <c>any ... where</c>, <c>let</c>,
/// <c>note</c>, <c>skip</c> and procedure calls. Integer assignments mostly stay in range
/// (counters that wrap), and sometimes do not, so that model errors are generated too.
/// </summary>
public sealed class StatementWriter(Choices choose, Scope scope, ExpressionWriter expr, GeneratorSettings settings)
{
    /// <summary>Procedures that statements may call, with their parameter types.</summary>
    public List<(string Name, IReadOnlyList<GenType> Parameters)> Procedures { get; } = [];

    /// <summary>
    /// Writes every <c>any</c> without its <c>where</c> (the condition is still drawn, so the rest
    /// of the model is the same): the init block must leave at least one initial state, or the
    /// model is refused when loaded.
    /// </summary>
    public bool ChoicesAlwaysHaveCandidate { get; set; }

    public void Block(System.Text.StringBuilder sb, string indent, int depth)
    {
        var count = choose.Between(1, settings.MaxStatements);
        for (var i = 0; i < count; i++)
        {
            Statement(sb, indent, depth);
        }
    }

    private void Statement(System.Text.StringBuilder sb, string indent, int depth)
    {
        var e = settings.ExpressionDepth;
        var pick = choose.Next(depth <= 0 ? 10 : 20);
        if (pick < 10 && depth > 0 && settings.ExtraChoicePercent > 0 && choose.Chance(settings.ExtraChoicePercent))
        {
            pick = 13; // an 'any ... where' (case 3 below)
        }

        if (pick < 10)
        {
            if (pick == 9 && Procedures.Count > 0)
            {
                var (name, parameters) = choose.Pick(Procedures);
                if (parameters.All(scope.CanProduce))
                {
                    sb.AppendLine($"{indent}{name}({string.Join(", ", parameters.Select(p => expr.Of(p, 1)))})");
                    return;
                }
            }

            if (pick == 8)
            {
                sb.AppendLine(choose.Chance(50) ? $"{indent}skip" : $"{indent}note \"step {choose.Next(100)}\"");
                return;
            }

            Assignment(sb, indent);
            return;
        }

        var inner = indent + "  ";
        switch (pick % 5)
        {
            case 0:
            case 1:
                sb.AppendLine($"{indent}if {expr.Bool(e - 1)} then");
                Block(sb, inner, depth - 1);
                if (choose.Chance(30))
                {
                    sb.AppendLine($"{indent}elsif {expr.Bool(e - 1)} then");
                    Block(sb, inner, depth - 1);
                }

                if (choose.Chance(50))
                {
                    sb.AppendLine($"{indent}else");
                    Block(sb, inner, depth - 1);
                }

                sb.AppendLine($"{indent}end");
                return;
            case 2:
            {
                var type = choose.Pick(scope.FiniteTypes);
                var name = scope.FreshLocal("k");
                sb.AppendLine($"{indent}for {name}: {type.Text} do");
                scope.With(name, type, () => { Block(sb, inner, depth - 1); return 0; });
                sb.AppendLine($"{indent}end");
                return;
            }

            case 3:
            {
                var type = choose.Pick(scope.FiniteTypes);
                var name = scope.FreshLocal("k");
                var guard = scope.With(name, type, () => expr.Bool(e - 1));
                sb.AppendLine(ChoicesAlwaysHaveCandidate ? $"{indent}any {name}: {type.Text} do" : $"{indent}any {name}: {type.Text} where {guard} do");
                scope.With(name, type, () => { Block(sb, inner, depth - 1); return 0; });
                sb.AppendLine($"{indent}end");
                return;
            }

            default:
            {
                var name = scope.FreshLocal("l");
                var isBool = choose.Chance(50);
                sb.AppendLine($"{indent}let {name} = {(isBool ? expr.Bool(e - 1) : expr.Int(e - 1))} in");
                scope.With(name, isBool ? new BoolType() : new RangeType("int", 0, 0), () => { Block(sb, inner, depth - 1); return 0; });
                sb.AppendLine($"{indent}end");
                return;
            }
        }
    }

    private void Assignment(System.Text.StringBuilder sb, string indent)
    {
        var e = settings.ExpressionDepth;
        if (expr.Place(e - 1) is not var (place, type) || !scope.CanProduce(type))
        {
            sb.AppendLine($"{indent}skip");
            return;
        }

        var value = type switch
        {
            RangeType r => RangeValue(place, r),
            _ => expr.Of(type, e - 1),
        };
        sb.AppendLine($"{indent}{place} := {value}");
    }

    private string RangeValue(string place, RangeType r)
    {
        if (choose.Chance(settings.WildAssignPercent))
        {
            // Not a literal (the binder rejects an out-of-range literal): may leave the range at run time.
            return choose.Chance(50) ? $"({place} + {expr.Int(settings.ExpressionDepth - 1)})" : $"({place} {(choose.Chance(50) ? "+" : "-")} {expr.Number(1, 2)})";
        }

        var same = scope.Locals.Where(l => l.Type.Text == r.Text && r.Text.Any(char.IsLetter)).ToList();
        return choose.Next(5) switch
        {
            0 => expr.Number(r.Lo, r.Hi),
            1 when same.Count > 0 => choose.Pick(same).Name,
            2 => $"(if {place} > {Lit(r.Lo)} then {place} - 1 else {Lit(r.Hi)} end)",
            _ => $"(if {place} < {Lit(r.Hi)} then {place} + 1 else {Lit(r.Lo)} end)",
        };
    }

    private static string Lit(int n) => n < 0 ? $"(-{-n})" : $"{n}";
}
