using System.Text;
using HvModel.Core.Ir;

namespace HvModel.Export;

/// <summary>
/// Writes one variant of a model as Promela for SPIN: the same transition system, so that
/// SPIN's state count is an oracle for HvModel's engine (and HvModel's speed can be compared
/// with SPIN's on the very model it checks).
/// </summary>
/// <remarks>
/// The layout: every state variable is a global (arrays flattened to one dimension); one
/// process runs the init block as one atomic step, then loops over one
/// <c>:: d_step { guard -> effect }</c> branch per action instance (<c>atomic</c> when the
/// effect makes a choice; parameters are fixed per branch, so guards are plain expressions). Quantifiers and <c>for</c> loops are unrolled over
/// their finite types, and each <c>any</c> becomes a nondeterministic <c>if</c> with one
/// branch per candidate. Values held across statements (<c>let</c>) live in step variables
/// that every step resets to 0, and an <c>any</c> with no candidate (no successor in HvModel)
/// restores the variables the action writes from shadow copies taken at its start, so that
/// the step ends in the state it began in: no new state. Hence the states at the loop head are
/// HvModel's states one for one; SPIN also counts its pre-init state and the states inside
/// atomic sequences where a choice is made, which its "nominal states" line leaves out.
/// Properties are not exported (compare whole state spaces: run pan with -E). Range
/// violations on assignment are asserts; an index out of range is pan's own error.
/// </remarks>
public sealed class PromelaExporter
{
    private readonly Model model;
    private readonly Variant variant;
    private readonly IReadOnlyList<PropertyDef> invariants;
    private readonly StringBuilder text = new();
    private readonly List<(string Name, string Type)> stepVars = [];
    private readonly Dictionary<Local, string> env = [];
    private int indent;
    private int labels;
    private string? abortLabel;

    private PromelaExporter(Model model, Variant variant, IReadOnlyList<PropertyDef> invariants)
    {
        this.model = model;
        this.variant = variant;
        this.invariants = invariants;
    }

    /// <summary>
    /// The Promela text of <paramref name="variant"/>. The <paramref name="invariants"/> given
    /// become asserts checked after the init step and after every step, so that pan gives a
    /// verdict; with none, the text is the bare transition system (for state counts).
    /// </summary>
    public static string Export(Model model, Variant variant, string commandLine, IReadOnlyList<PropertyDef>? invariants = null)
    {
        var chosen = invariants ?? [];
        if (chosen.FirstOrDefault(p => p.Kind != PropertyKind.Invariant) is { } cover)
        {
            throw new ArgumentException($"Promela export: {cover.Name} is a cover; only invariants become asserts", nameof(invariants));
        }

        var exporter = new PromelaExporter(model, variant, chosen);
        return exporter.Write(commandLine);
    }

    private string Write(string commandLine)
    {
        var body = new StringBuilder();
        var header = new StringBuilder();
        header.AppendLine($"/* {model.Name}, variant {variant.Name}: exported by {Sanitize(commandLine)} */");
        header.AppendLine($"/* constants: {Sanitize(string.Join(" ", model.Constants.Select(c => $"{c.Name}={c.Display}")))} */");
        header.AppendLine("/* Compare state counts with: spin -o1 -o2 -a FILE; gcc -O2 -DNOREDUCE -DSAFETY -DBFS -o pan pan.c; ./pan -E */");
        header.AppendLine("/* (the 'nominal states' line, less the pre-init state; see hvmodel's README). */");
        header.AppendLine();
        foreach (var v in model.Vars)
        {
            var scalar = ElementType(v.Type);
            var size = Types.SlotCount(v.Type);
            var init = scalar.ValueAt(0);
            header.AppendLine(v.Type is ArrayType
                ? $"{PromelaType(scalar)} {Name(v)}[{size}] = {init};"
                : $"{PromelaType(scalar)} {Name(v)} = {init};");
        }

        text.Clear();
        indent = 1;
        Line("atomic {");
        indent++;
        Step(model.Init, WrittenVars(model.Init), "init");
        indent--;
        Line("}");
        Line("do");
        foreach (var action in model.Actions)
        {
            foreach (var instance in action.Instances())
            {
                // Each step clears the bindings when it ends: bind the parameters for each one.
                void Bind()
                {
                    env.Clear();
                    for (var i = 0; i < instance.Args.Length; i++)
                    {
                        env[action.Parameters[i]] = instance.Args[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                Bind();

                // A deterministic body is one indivisible step whose inner states SPIN never
                // stores (d_step). A body with choices becomes one d_step per combination of
                // its choices' values (each 'any' with its value fixed); only when there are too
                // many combinations does it stay atomic, where every choice point is a state.
                var call = instance.ToString();
                var choices = StmtFacts.ChoiceDomains(action.Body).ToList();
                var combinations = choices.Aggregate(1L, (n, d) => Math.Min(n * Math.Max(1, d), MaxSplit + 1));
                if (choices.Count > 0 && combinations <= MaxSplit)
                {
                    foreach (var combination in Combinations(choices))
                    {
                        Bind();
                        fixedChoices = combination;
                        nextChoice = 0;
                        Line($":: d_step {{ /* {Sanitize(call)}, choices {string.Join(" ", combination)} */");
                        indent++;
                        Line($"{Expr(action.Guard)} ->");
                        Step(action.Body, WrittenVars(action.Body), call);
                        indent--;
                        Line("}");
                    }

                    fixedChoices = null;
                    continue;
                }

                Line($":: {(choices.Count > 0 ? "atomic" : "d_step")} {{ /* {Sanitize(call)} */");
                indent++;
                Line($"{Expr(action.Guard)} ->");
                Step(action.Body, WrittenVars(action.Body), call);
                indent--;
                Line("}");
            }
        }

        Line("od");
        body.Append(header);
        if (stepVars.Count > 0)
        {
            body.AppendLine();
            body.AppendLine("/* Step variables: values held within one step, reset to 0 when it ends. */");
            foreach (var (name, type) in stepVars.Distinct())
            {
                body.AppendLine($"{type} {name};");
            }
        }

        body.AppendLine();
        body.AppendLine("active proctype system()");
        body.AppendLine("{");
        body.Append(text);
        body.AppendLine("}");
        return body.ToString();
    }

    /// <summary>One atomic step: its effect, the abort path when an 'any' may have no candidate, and the reset of step variables.</summary>
    private void Step(Stmt effect, IReadOnlyList<StateVar> written, string what)
    {
        var mayAbort = MayAbort(effect);
        var id = labels++;
        var firstStepVar = stepVars.Count;
        if (mayAbort)
        {
            foreach (var v in written)
            {
                var shadow = $"shadow_{Name(v)}";
                stepVars.Add((v.Type is ArrayType ? $"{shadow}[{Types.SlotCount(v.Type)}]" : shadow, PromelaType(ElementType(v.Type))));
                Copy(v, shadow, Name(v));
            }
        }

        abortLabel = mayAbort ? $"abort_{id}" : null;
        Stmt(effect);
        var reset = stepVars.Skip(firstStepVar).ToList();
        if (mayAbort)
        {
            Line($"goto done_{id};");
            Line($"abort_{id}: /* {Sanitize(what)}: an 'any' with no candidate, no successor */");
            if (what == "init")
            {
                Line("false"); // no initial state on this path: the process blocks (see the README)
            }

            foreach (var v in written)
            {
                Copy(v, Name(v), $"shadow_{Name(v)}");
            }

            Line($"done_{id}: skip;");
        }

        foreach (var (name, _) in reset.Distinct())
        {
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                Line($"{name} = 0;");
            }
            else
            {
                var n = int.Parse(name[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                for (var k = 0; k < n; k++)
                {
                    Line($"{name[..bracket]}[{k}] = 0;");
                }
            }
        }

        env.Clear();
        foreach (var p in invariants)
        {
            Line($"assert({Expr(p.Predicate)}); /* invariant {Sanitize(p.Name)} */");
        }

        abortLabel = null;
    }

    private void Copy(StateVar v, string to, string from)
    {
        if (v.Type is ArrayType)
        {
            for (var k = 0; k < Types.SlotCount(v.Type); k++)
            {
                Line($"{to}[{k}] = {from}[{k}];");
            }
        }
        else
        {
            Line($"{to} = {from};");
        }
    }

    private void Stmt(Stmt s)
    {
        switch (s)
        {
            case BlockStmt b:
                foreach (var x in b.Statements)
                {
                    Stmt(x);
                }

                break;
            case AssignStmt a:
                Assign(a);
                break;
            case IfStmt i:
                Line($"if :: {Expr(i.Condition)} ->");
                Branch(i.Then);
                Line("   :: else ->");
                Branch(i.Else);
                Line("fi;");
                break;
            case ForStmt f:
                foreach (var value in f.Variable.Domain.Values())
                {
                    WithLocal(f.Variable, Literal(value), () => Stmt(f.Body));
                }

                break;
            case AnyStmt any:
                Any(any);
                break;
            case LetStmt l:
                var temp = $"let_{l.Variable.Name}_{l.Variable.Slot}";
                stepVars.Add((temp, "int"));
                Line($"{temp} = {Expr(l.Value)};");
                WithLocal(l.Variable, temp, () => Stmt(l.Body));
                break;
            case NoteStmt:
                break;
            default:
                throw new NotSupportedException($"Promela export: no form for {s.GetType().Name}");
        }
    }

    private void Branch(Stmt s)
    {
        indent += 2;
        Line("skip;");
        Stmt(s);
        indent -= 2;
    }

    private void Any(AnyStmt any)
    {
        if (fixedChoices is not null)
        {
            // This choice's value is fixed by the d_step being written: its condition must hold, or no successor.
            var value = any.Variable.Domain.ValueAt(fixedChoices[nextChoice++]);
            if (any.Where is not null)
            {
                var guard = WithLocal(any.Variable, Literal(value), () => Expr(any.Where));
                Line($"if :: {guard} -> skip :: else -> goto {abortLabel ?? throw new InvalidOperationException("an 'any' that may abort outside an abortable step")} fi;");
            }

            WithLocal(any.Variable, Literal(value), () => Stmt(any.Body));
            return;
        }

        var candidates = any.Variable.Domain.Values().ToList();
        Line("if");
        foreach (var value in candidates)
        {
            var guard = any.Where is null ? "true" : WithLocal(any.Variable, Literal(value), () => Expr(any.Where));
            Line($":: {guard} ->");
            indent += 2;
            Line("skip;");
            WithLocal(any.Variable, Literal(value), () => Stmt(any.Body));
            indent -= 2;
        }

        if (any.Where is not null || candidates.Count == 0)
        {
            Line($":: else -> goto {abortLabel ?? throw new InvalidOperationException("an 'any' that may abort outside an abortable step")};");
        }

        Line("fi;");
    }

    /// <summary>Most d_steps one action instance is split into (one per combination of its choices).</summary>
    public const int MaxSplit = 1024;

    // While a split action is written: the value (ordinal) of each choice, in the order the
    // choices are met, and the next one to take.
    private int[]? fixedChoices;
    private int nextChoice;

    /// <summary>Every combination of one ordinal per choice, the last choice varying fastest.</summary>
    private static IEnumerable<int[]> Combinations(IReadOnlyList<int> domains)
    {
        var current = new int[domains.Count];
        while (true)
        {
            yield return (int[])current.Clone();
            var k = domains.Count - 1;
            for (; k >= 0; k--)
            {
                if (++current[k] < domains[k])
                {
                    break;
                }

                current[k] = 0;
            }

            if (k < 0)
            {
                yield break;
            }
        }
    }

    private void Assign(AssignStmt a)
    {
        var target = Location(a.Target);
        var value = Expr(a.Value);
        if (a.Target.Type is RangeType r && a.Value is not LiteralExpr)
        {
            Line($"assert({r.Lo} <= {value} && {value} <= {r.Hi});");
        }

        Line($"{target} = {value};");
    }

    private string Location(Expr e)
    {
        var (root, offset) = Flatten(e);
        return root.Type is ArrayType ? $"{Name(root)}[{offset}]" : Name(root);
    }

    private (StateVar Root, string Offset) Flatten(Expr e)
    {
        switch (e)
        {
            case VarExpr v:
                return (v.Var, "0");
            case IndexExpr ix:
                var (root, inner) = Flatten(ix.Array);
                var array = (ArrayType)ix.Array.Type;
                var stride = Types.SlotCount(array.Element);
                var ordinal = array.Index is RangeType r && r.Lo != 0 ? $"({Expr(ix.Index)} - {r.Lo})" : Expr(ix.Index);
                var term = stride == 1 ? ordinal : $"{ordinal} * {stride}";
                return (root, inner == "0" ? term : $"{inner} + {term}");
            default:
                throw new NotSupportedException($"Promela export: not a location: {e.GetType().Name}");
        }
    }

    private string Expr(Expr e) => e switch
    {
        LiteralExpr l => Literal(l.Value),
        VarExpr or IndexExpr => Location(e),
        LocalExpr l => env.TryGetValue(l.Local, out var bound) ? bound : throw new InvalidOperationException($"unbound local {l.Local.Name}"),
        UnaryExpr { Op: UnaryOp.Not } u => $"!{Expr(u.Operand)}",
        UnaryExpr { Op: UnaryOp.Negate } u => $"(-{Expr(u.Operand)})",
        BinaryExpr b => Binary(b),
        CondExpr c => $"({Expr(c.Condition)} -> {Expr(c.Then)} : {Expr(c.Else)})",
        QuantExpr q => Quant(q),
        HunkExpr h => variant.Applies(h.Hunk) ? "true" : "false",
        _ => throw new NotSupportedException($"Promela export: no form for {e.GetType().Name}"),
    };

    private string Binary(BinaryExpr b)
    {
        var l = Expr(b.Left);
        var r = Expr(b.Right);
        return b.Op switch
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
            BinaryOp.And => $"({l} && {r})",
            BinaryOp.Or => $"({l} || {r})",
            BinaryOp.Implies => $"(!{l} || {r})",
            BinaryOp.Iff => $"(({l} != 0) == ({r} != 0))",
            _ => throw new NotSupportedException($"Promela export: no form for operator {b.Op}"),
        };
    }

    private string Quant(QuantExpr q)
    {
        var parts = q.Variable.Domain.Values().Select(v => WithLocal(q.Variable, Literal(v), () => Expr(q.Body))).ToList();
        return q.Quantifier switch
        {
            Quantifier.Forall => parts.Count == 0 ? "true" : $"({string.Join(" && ", parts)})",
            Quantifier.Exists => parts.Count == 0 ? "false" : $"({string.Join(" || ", parts)})",
            _ => parts.Count == 0 ? "0" : $"({string.Join(" + ", parts.Select(p => $"({p} -> 1 : 0)"))})",
        };
    }

    private T WithLocal<T>(Local local, string value, Func<T> body) => ScopedBinding.With(env, local, value, body);

    private void WithLocal(Local local, string value, Action body) => WithLocal(local, value, () =>
    {
        body();
        return 0;
    });

    private void Line(string line) => text.Append(' ', indent * 2).AppendLine(line);

    private static string Literal(int value) => value < 0 ? $"({value})" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ScalarType ElementType(HvType type) => type switch
    {
        ScalarType s => s,
        ArrayType a => ElementType(a.Element),
        _ => throw new NotSupportedException($"Promela export: no storage for {type}"),
    };

    private static string PromelaType(ScalarType t) => t switch
    {
        BoolType => "bool",
        RangeType r when r.Lo >= 0 && r.Hi <= 255 => "byte",
        RangeType r when r.Lo >= short.MinValue && r.Hi <= short.MaxValue => "short",
        RangeType => "int",
        _ when t.Count <= 256 => "byte",
        _ => "short",
    };

    private static readonly HashSet<string> Keywords =
    [
        "active", "assert", "atomic", "bit", "bool", "break", "byte", "chan", "d_step", "do", "else", "empty",
        "enabled", "eval", "false", "fi", "for", "full", "goto", "hidden", "if", "in", "init", "int", "len", "local",
        "mtype", "nempty", "never", "nfull", "notrace", "np_", "od", "of", "pc_value", "pid", "printf", "printm",
        "priority", "proctype", "provided", "run", "select", "short", "show", "skip", "timeout", "trace", "true",
        "typedef", "unless", "unsigned", "xr", "xs", "system", "main", "c_code", "c_expr", "c_decl", "c_state", "c_track",
    ];

    private static string Name(StateVar v) => Keywords.Contains(v.Name) || v.Name.StartsWith("shadow_", StringComparison.Ordinal) || v.Name.StartsWith("let_", StringComparison.Ordinal)
        ? $"v_{v.Name}"
        : v.Name;

    private static string Sanitize(string s) => s.Replace("*/", "* /", StringComparison.Ordinal);


    private static bool MayAbort(Stmt s) => StmtFacts.MayHaveNoOutcome(s);

    /// <summary>The state variables a statement may assign, in declaration order.</summary>
    private List<StateVar> WrittenVars(Stmt s)
    {
        var found = new HashSet<StateVar>();
        void Walk(Stmt x)
        {
            switch (x)
            {
                case AssignStmt a:
                    found.Add(Root(a.Target));
                    break;
                case BlockStmt b:
                    foreach (var y in b.Statements)
                    {
                        Walk(y);
                    }

                    break;
                case IfStmt i:
                    Walk(i.Then);
                    Walk(i.Else);
                    break;
                case ForStmt f:
                    Walk(f.Body);
                    break;
                case AnyStmt a:
                    Walk(a.Body);
                    break;
                case LetStmt l:
                    Walk(l.Body);
                    break;
            }
        }

        Walk(s);
        return [.. model.Vars.Where(found.Contains)];
    }

    private static StateVar Root(Expr e) => e switch
    {
        VarExpr v => v.Var,
        IndexExpr ix => Root(ix.Array),
        _ => throw new NotSupportedException($"Promela export: not a location: {e.GetType().Name}"),
    };
}
