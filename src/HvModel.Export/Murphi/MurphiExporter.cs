using System.Text;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Export.Murphi;

/// <summary>
/// Writes one variant of a model as Murphi, in the dialect of Rumur: the same transition
/// system, so that Rumur's state count is an oracle for HvModel's engine, with symmetry
/// reduction as well as without, since scalarsets stay Murphi scalarsets.
/// </summary>
/// <remarks>
/// The layout: the model's types (<see cref="MurphiTypes"/>: a scalarset with distinguished
/// members is split into those members and a scalarset of the rest, since Rumur has no union
/// type), its state variables, one start state for the init block and one rule per action, in
/// a ruleset over the action's parameters (a parameter of a split scalarset is a rule per
/// distinguished member and a ruleset over the rest). A Murphi rule is deterministic: an
/// action whose body makes choices gets one more ruleset parameter, <c>choice</c>, whose
/// digits give the choices' values (<see cref="MurphiChoices"/>, <see cref="MurphiStatements"/>);
/// the init block likewise. A path on which an <c>any</c> has no candidate (no successor in
/// HvModel) sets the state variable <c>aborted</c> and returns; an <c>assume</c> discards every
/// state where it is set, so the stored states are HvModel's states one for one. Invariants
/// named to the exporter become Murphi invariants; without them, the file is the bare
/// transition system (for state counts). Deadlock is not exported: Rumur counts a discarded
/// step as a transition, so run it with <c>--deadlock-detection off</c>.
/// </remarks>
public sealed class MurphiExporter
{
    /// <summary>Most values of one rule's <c>choice</c> parameter; a body with more combinations of choices is refused.</summary>
    public const long MaxChoices = MurphiChoices.MaxChoices;

    private readonly Model model;
    private readonly MurphiGlobals globals;
    private readonly string? aborted;

    private MurphiExporter(Model model, Variant variant)
    {
        this.model = model;
        globals = new MurphiGlobals(model, variant);
        var mayAbort = StmtFacts.MayHaveNoOutcome(model.Init) || model.Actions.Any(a => StmtFacts.MayHaveNoOutcome(a.Body));
        aborted = mayAbort ? globals.Names.Take("aborted") : null;
    }

    /// <summary>
    /// The Murphi text of <paramref name="variant"/>. The <paramref name="invariants"/> given
    /// become Murphi invariants, so that Rumur gives a verdict; with none, the text is the bare
    /// transition system (for state counts).
    /// </summary>
    public static string Export(Model model, Variant variant, string commandLine, IReadOnlyList<PropertyDef>? invariants = null)
    {
        var chosen = invariants ?? [];
        if (chosen.FirstOrDefault(p => p.Kind != PropertyKind.Invariant) is { } cover)
        {
            throw new ArgumentException($"Murphi export: {cover.Name} is a cover; only invariants are exported", nameof(invariants));
        }

        return new MurphiExporter(model, variant).Write(commandLine, chosen);
    }

    private string Write(string commandLine, IReadOnlyList<PropertyDef> invariants)
    {
        var rules = new StringBuilder();
        Rule(rules, "startstate", "init", [], null, model.Init, model.Init.Span);
        foreach (var action in model.Actions)
        {
            Action(rules, action);
        }

        var properties = invariants.Select(p =>
        {
            var frame = new MurphiFrame(globals.Names.Scope());
            return $"invariant \"{Label(p.Name)}\" {new MurphiExpressions(globals, frame).Text(p.Predicate)};";
        }).ToList();

        var file = new StringBuilder();
        Header(file, commandLine);
        var types = globals.Types.Declarations().ToList();
        if (types.Count > 0)
        {
            file.AppendLine("type");
            types.ForEach(t => file.AppendLine($"  {t}"));
            file.AppendLine();
        }

        file.AppendLine("var");
        if (aborted is not null)
        {
            file.AppendLine($"  {aborted}: boolean;  -- set by a step with no successor; the assume at the end discards its state");
        }

        foreach (var v in model.Vars)
        {
            file.AppendLine($"  {globals.Vars[v]}: {globals.Types.Of(v.Type)};");
        }

        file.AppendLine();
        foreach (var function in globals.Functions)
        {
            file.AppendLine(function);
        }

        file.Append(rules);
        properties.ForEach(p => file.AppendLine(p));
        if (aborted is not null)
        {
            file.AppendLine($"assume \"a step with no successor in HvModel reaches no state\" !{aborted};");
        }

        return file.ToString();
    }

    private void Header(StringBuilder file, string commandLine)
    {
        var constants = model.Constants.IsEmpty ? "none" : model.ConstantAssignments;
        file.AppendLine($"-- {model.Name}, variant {globals.Variant.Name}: exported by {commandLine.ReplaceLineEndings(" ")}");
        file.AppendLine($"-- constants: {constants.ReplaceLineEndings(" ")}");
        file.AppendLine("-- Each rule's 'choice' parameter picks the values of the action's 'any' choices (mixed radix, in");
        file.AppendLine("-- the order met); a step with no successor in HvModel is discarded (see 'aborted').");
        file.AppendLine("-- Compare state counts with hvmodel check --no-symmetry (field 'states'):");
        file.AppendLine("--   rumur --symmetry-reduction off --deadlock-detection off --value-type int32_t --threads 1 --output m.c FILE.m");
        file.AppendLine("--   gcc -O2 -o m m.c -lpthread && ./m          (its line 'N states, M rules fired')");
        file.AppendLine("-- and with hvmodel check (symmetry): the same with --symmetry-reduction exhaustive.");
        file.AppendLine();
    }

    /// <summary>The rules of one action: one per distinguished member of each split parameter, in a ruleset over the other values.</summary>
    private void Action(StringBuilder rules, ActionDef action)
    {
        // Each parameter of a split scalarset is one of its distinguished members or one of the rest.
        var modes = action.Parameters.Select(p =>
            p.Domain is ScalarsetType s && MurphiTypes.IsSplit(s) ? Enumerable.Range(0, s.Fixed + 1).ToArray() : [-1]).ToList();
        foreach (var combination in Combinations(modes))
        {
            var bindings = new List<(Local, int)>();
            for (var k = 0; k < combination.Length; k++)
            {
                bindings.Add((action.Parameters[k], combination[k]));
            }

            Rule(rules, "rule", action.Name, bindings, action.Guard, action.Body, action.Span);
        }
    }

    private static IEnumerable<int[]> Combinations(List<int[]> modes)
    {
        IEnumerable<int[]> result = [[]];
        foreach (var options in modes)
        {
            result = result.SelectMany(prefix => options.Select(o => (int[])[.. prefix, o])).ToList();
        }

        return result;
    }

    /// <summary>
    /// One start state or rule, in a ruleset over its parameters and its choice. A parameter's
    /// mode: -1 a ruleset over its (unsplit) type; below its type's distinguished members, that
    /// member; else a ruleset over the rest.
    /// </summary>
    private void Rule(StringBuilder rules, string keyword, string name, List<(Local Parameter, int Mode)> parameters, Expr? guard, Stmt body, SourceSpan span)
    {
        var radix = MurphiChoices.Radix(body, globals.Variant);
        if (radix > MaxChoices)
        {
            var first = StmtFacts.Descendants(body).OfType<AnyStmt>().FirstOrDefault(a => a.Span.Line > 0)?.Span ?? span;
            throw new ModelError(first, $"Murphi export: {(keyword == "startstate" ? "the init block" : $"action '{name}'")} makes more than {MaxChoices} combinations of choices, each a value of its rule's 'choice' parameter; use smaller constants");
        }

        var frame = new MurphiFrame(globals.Names.Scope());
        var quantifiers = new List<string>();
        var label = new List<string>();
        foreach (var (parameter, mode) in parameters)
        {
            var local = frame.Scope.NameOf(parameter);
            if (parameter.Domain is ScalarsetType s && MurphiTypes.IsSplit(s) && mode < s.Fixed)
            {
                frame.Bind(parameter, new MemberValue(s, mode));
                label.Add($"{parameter.Name}={s.Distinguished[mode]}");
            }
            else if (parameter.Domain is ScalarsetType rest && MurphiTypes.IsSplit(rest))
            {
                frame.Bind(parameter, new RestValue(rest, local));
                quantifiers.Add($"{local}: {globals.Types.Rest(rest)}");
                label.Add(parameter.Name);
            }
            else
            {
                var type = globals.Types.Domain(parameter.Domain);
                frame.Bind(parameter, new PlainValue(local), type);
                quantifiers.Add($"{local}: {type}");
                label.Add(parameter.Name);
            }
        }

        string? left = null;
        string? choice = null;
        if (radix > 1)
        {
            choice = frame.Scope.Fresh("choice");
            quantifiers.Add($"{choice}: 0..{radix - 1}");
            left = frame.Scope.Fresh("left");
            frame.Scope.Declare(left, $"0..{radix - 1}");
            label.Add(choice);
        }

        var guardText = guard is null ? "true" : new MurphiExpressions(globals, frame).Text(guard);
        var statements = new MurphiStatements(globals, frame, left, aborted, 1);
        if (keyword == "startstate" && aborted is not null)
        {
            statements.Line($"{aborted} := false;");
        }

        if (left is not null)
        {
            statements.Line($"{left} := {choice};");
        }

        statements.Stmt(body);

        var rule = new StringBuilder();
        var title = label.Count == 0 ? name : $"{name}({string.Join(", ", label)})";
        rule.AppendLine(guardText == "true" ? $"{keyword} \"{Label(title)}\"" : $"{keyword} \"{Label(title)}\" {guardText} ==>");
        if (frame.Scope.Declared.Count > 0)
        {
            rule.AppendLine("var");
            foreach (var (local, type) in frame.Scope.Declared)
            {
                rule.AppendLine($"  {local}: {type};");
            }
        }

        rule.AppendLine("begin");
        rule.Append(statements);
        rule.AppendLine("end;");
        if (quantifiers.Count == 0)
        {
            rules.Append(rule).AppendLine();
            return;
        }

        rules.AppendLine($"ruleset {string.Join("; ", quantifiers)} do");
        foreach (var line in rule.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            rules.AppendLine($"  {line.TrimEnd('\r')}");
        }

        rules.AppendLine("end;").AppendLine();
    }

    private static string Label(string text) => text.Replace("\"", "'", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
