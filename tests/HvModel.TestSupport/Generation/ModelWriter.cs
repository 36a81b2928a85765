using System.Text;

namespace HvModel.TestSupport.Generation;

/// <summary>
/// Writes one random model: constants, enums, ranges, scalarsets, hunks and variants,
/// definitions, state variables (scalars and arrays, with a value, a choice or any initial
/// value), an <c>init</c> block, a procedure, actions with parameters, invariants and covers,
/// and with <see cref="GeneratorSettings.WithLiveness"/> liveness properties and fairness.
/// Never an <c>expect</c> table: the verdicts are what the engines are compared on.
/// </summary>
internal sealed class ModelWriter
{
    private readonly Choices choose;
    private readonly GeneratorSettings settings;
    private readonly Scope scope = new();
    private readonly ExpressionWriter expr;
    private readonly StatementWriter stmts;
    private readonly StringBuilder sb = new();

    // The number of instances of each action, in order: strong fairness is kept to a few instances.
    private readonly List<long> instanceCounts = [];

    public ModelWriter(Choices choose, GeneratorSettings settings)
    {
        this.choose = choose;
        this.settings = settings;
        expr = new ExpressionWriter(choose, scope) { WildIndexPercent = settings.WildIndexPercent };
        stmts = new StatementWriter(choose, scope, expr, settings);
    }

    public string Write()
    {
        sb.AppendLine("model gen");
        Types();
        Hunks();
        Variables();
        Definitions();
        if (choose.Chance(25))
        {
            sb.AppendLine("init");
            stmts.ChoicesAlwaysHaveCandidate = true;
            stmts.Block(sb, "  ", 1);
            stmts.ChoicesAlwaysHaveCandidate = false;
            sb.AppendLine("end");
        }

        Procedure();
        var actions = choose.Between(1, settings.MaxActions);
        for (var i = 0; i < actions; i++)
        {
            Action(i);
        }

        var d = settings.ExpressionDepth;
        var invariants = choose.Between(1, 3);
        for (var i = 0; i < invariants; i++)
        {
            sb.AppendLine(choose.Chance(50) ? $"invariant inv{i}: {expr.Bool(d)}" : $"invariant inv{i} \"invariant {i}\": {expr.Bool(d)}");
        }

        var covers = choose.Between(0, 2);
        for (var i = 0; i < covers; i++)
        {
            sb.AppendLine($"cover cov{i}: {expr.Bool(d - 1)}");
        }

        if (choose.Chance(70))
        {
            sb.AppendLine("allow deadlock");
        }

        if (settings.WithLiveness)
        {
            Liveness();
        }

        return sb.ToString();
    }

    /// <summary>
    /// 1 to 3 liveness properties of random forms over random predicates, and weak or strong
    /// fairness on some actions; strong on at most 4 instances in all (the Promela export's
    /// never claims guess which strong instances stay disabled: 2^m ways).
    /// </summary>
    private void Liveness()
    {
        var d = settings.ExpressionDepth - 1;
        var count = choose.Between(1, 3);
        for (var i = 0; i < count; i++)
        {
            var p = Predicate(d);
            var form = LivenessForms.Text(choose.Next(4), $"({p})", () => $"({Predicate(d)})");
            sb.AppendLine($"liveness live{i} \"liveness {i}\": {form}");
        }

        var weak = new List<string>();
        var strong = new List<string>();
        var strongInstances = 0L;
        for (var a = 0; a < instanceCounts.Count; a++)
        {
            var pick = choose.Next(10);
            if (pick < 6)
            {
                weak.Add($"act{a}");
            }
            else if (pick < 9 && strongInstances + instanceCounts[a] <= 4)
            {
                strong.Add($"act{a}");
                strongInstances += instanceCounts[a];
            }
        }

        if (weak.Count > 0)
        {
            sb.AppendLine($"fair weak: {string.Join(", ", weak)}");
        }

        if (strong.Count > 0)
        {
            sb.AppendLine($"fair strong: {string.Join(", ", strong)}");
        }
    }

    /// <summary>
    /// A predicate for a liveness property: mostly comparisons of state slots with values, so
    /// that it changes along a behaviour (a random expression is often constant).
    /// </summary>
    private string Predicate(int depth)
    {
        if (choose.Chance(25))
        {
            return expr.Bool(depth);
        }

        return choose.Next(5) switch
        {
            0 => $"({Atom()} and {Atom()})",
            1 => $"({Atom()} or {Atom()})",
            2 => $"!{Atom()}",
            _ => Atom(),
        };
    }

    /// <summary>A state slot compared with a value of its type, or a bool slot itself.</summary>
    private string Atom()
    {
        if (expr.Place(1) is not var (place, type) || type is ScalarsetType)
        {
            return expr.Bool(1);
        }

        var op = type is RangeType && choose.Chance(40) ? choose.Pick(new[] { "<", ">=" }) : choose.Pick(new[] { "=", "!=" });
        return type is BoolType ? (choose.Chance(50) ? place : $"!{place}") : $"({place} {op} {expr.Of(type, 0)})";
    }

    private void Types()
    {
        scope.FiniteTypes.Add(new BoolType());
        if (choose.Chance(40))
        {
            var k = choose.Between(1, 2);
            sb.AppendLine(choose.Chance(50) ? $"const K = {k}" : $"const K: 1 .. 3 = {k}");
            scope.Constants.Add(("K", k));
        }

        for (var i = choose.Between(0, 2); i > 0; i--)
        {
            var name = $"E{i}";
            var members = Enumerable.Range(0, choose.Between(2, 3)).Select(m => $"{name.ToLowerInvariant()}_{(char)('a' + m)}").ToList();
            sb.AppendLine($"enum {name} {{ {string.Join(", ", members)} }}");
            scope.FiniteTypes.Add(new EnumType(name, members));
        }

        for (var i = choose.Between(1, 2); i > 0; i--)
        {
            var name = $"R{i}";
            if (scope.Constants.Count > 0 && choose.Chance(50))
            {
                var k = scope.Constants[0].Value;
                sb.AppendLine($"type {name} = 0 .. K");
                scope.FiniteTypes.Add(new RangeType(name, 0, k));
            }
            else
            {
                var lo = choose.Between(-1, 1);
                var hi = lo + choose.Between(1, 3);
                sb.AppendLine($"type {name} = {Lit(lo)} .. {Lit(hi)}");
                scope.FiniteTypes.Add(new RangeType(name, lo, hi));
            }
        }

        if (choose.Chance(50))
        {
            var size = choose.Between(2, 3);
            sb.AppendLine($"type S = scalarset({size})");
            scope.FiniteTypes.Add(new ScalarsetType("S", size));
        }
    }

    private void Hunks()
    {
        var hunks = choose.Between(0, 2);
        for (var i = 0; i < hunks; i++)
        {
            sb.AppendLine(choose.Chance(50) ? $"hunk h{i}" : $"hunk h{i} \"hunk {i}\"");
            scope.Hunks.Add($"h{i}");
        }

        var variants = hunks == 0 ? (choose.Chance(20) ? 1 : 0) : choose.Between(1, 3);
        for (var i = 0; i < variants; i++)
        {
            var members = scope.Hunks.Where(_ => choose.Chance(50));
            sb.AppendLine($"variant v{i} = {{ {string.Join(", ", members)} }}");
        }
    }

    private void Variables()
    {
        long states = 1;
        var count = choose.Between(1, settings.MaxVariables);
        for (var i = 0; i < count; i++)
        {
            var options = Candidates().Where(t => states * t.Count <= settings.StateBound).ToList();
            if (options.Count == 0)
            {
                break;
            }

            var type = choose.Pick(options);
            states *= type.Count;
            var name = $"x{i}";
            sb.AppendLine($"var {name}: {type.Text}{Initialiser(type)}");
            scope.Variables.Add((name, type));
        }
    }

    private IEnumerable<GenType> Candidates()
    {
        var scalars = scope.FiniteTypes.ToList();
        yield return new BoolType();
        yield return new RangeType("0 .. 2", 0, 2);
        foreach (var t in scalars.Where(t => t is not BoolType))
        {
            yield return t;
        }

        foreach (var index in scalars.Where(t => t.Count <= 3))
        {
            foreach (var element in scalars.Where(t => t.Count <= 3))
            {
                yield return new ArrayType(index, element);
            }
        }

        if (scalars.Count > 0 && choose.Chance(30))
        {
            // Nested arrays: a[i][j].
            yield return new ArrayType(new BoolType(), new ArrayType(choose.Pick(scalars.Where(t => t.Count <= 3).ToList()), new BoolType()));
        }
    }

    private string Initialiser(GenType type)
    {
        var leaf = type;
        while (leaf is ArrayType a)
        {
            leaf = a.Element;
        }

        var pick = choose.Next(4);
        if (leaf is ScalarsetType || pick == 3)
        {
            return "";
        }

        var value = Literal(leaf);
        if (pick == 2 && type is not ArrayType)
        {
            var other = Literal(leaf);
            return value == other ? $" = {value}" : $" in {{{value}, {other}}}";
        }

        return $" = {value}";
    }

    private string Literal(GenType type) => type switch
    {
        BoolType => choose.Chance(50) ? "true" : "false",
        RangeType r => expr.Number(r.Lo, r.Hi),
        EnumType e => choose.Pick(e.Members),
        _ => throw new ArgumentException(type.Text, nameof(type)),
    };

    private void Definitions()
    {
        if (!choose.Chance(30))
        {
            return;
        }

        var d = settings.ExpressionDepth - 1;
        if (choose.Chance(50))
        {
            sb.AppendLine($"def d0 = {expr.Bool(d)}");
            scope.Definitions.Add(("d0", []));
            return;
        }

        var type = choose.Pick(scope.FiniteTypes);
        var body = scope.With("p", type, () => expr.Bool(d));
        sb.AppendLine($"def d0(p: {type.Text}) = {body}");
        scope.Definitions.Add(("d0", [type]));
    }

    private void Procedure()
    {
        if (!choose.Chance(25))
        {
            return;
        }

        var type = choose.Pick(scope.FiniteTypes);
        sb.AppendLine($"procedure pr0(p: {type.Text})");
        scope.With("p", type, () => { stmts.Block(sb, "  ", 1); return 0; });
        sb.AppendLine("end");
        stmts.Procedures.Add(("pr0", [type]));
    }

    private void Action(int index)
    {
        var parameters = new List<(string Name, GenType Type)>();
        for (var i = choose.Between(0, 2); i > 0; i--)
        {
            parameters.Add(($"a{parameters.Count}", choose.Pick(scope.FiniteTypes)));
        }

        foreach (var p in parameters)
        {
            scope.Locals.Add(p);
        }

        instanceCounts.Add(parameters.Aggregate(1L, (n, p) => n * p.Type.Count));

        var head = parameters.Count == 0 ? $"action act{index}" : $"action act{index}({string.Join(", ", parameters.Select(p => $"{p.Name}: {p.Type.Text}"))})";
        sb.AppendLine(head);
        if (choose.Chance(30))
        {
            sb.AppendLine($"  calls \"f{index} > g{index}\"");
        }

        if (choose.Chance(70))
        {
            sb.AppendLine($"  when {expr.Bool(settings.ExpressionDepth - 1)}");
        }

        sb.AppendLine("do");
        stmts.Block(sb, "  ", settings.StatementDepth);
        sb.AppendLine("end");
        scope.Locals.RemoveRange(scope.Locals.Count - parameters.Count, parameters.Count);
    }

    private static string Lit(int n) => n < 0 ? $"-{-n}" : $"{n}";
}
