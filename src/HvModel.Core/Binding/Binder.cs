using System.Collections.Immutable;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>
/// Resolves names and checks types, turning declarations into an immutable <see cref="Model"/>
/// for one choice of constants. Constants, types, enums, hunks and variants are declared
/// before use; variables, definitions, procedures and actions may refer to each other freely.
/// Every error is a <see cref="ModelError"/> at the offending source position.
/// </summary>
public sealed partial class Binder
{
    /// <summary>Where errors about <c>--const</c> values are reported.</summary>
    public static readonly SourceSpan CommandLine = new("<command line>", 1, 1);

    /// <summary>The most values a range type may have.</summary>
    public const int MaxRangeSize = 1 << 30;

    /// <summary>The most scalar slots a state may have.</summary>
    public const int MaxSlots = 1 << 20;

    private readonly Dictionary<string, Symbol> globals = [];
    private readonly IReadOnlyDictionary<string, string> overrides;
    private readonly HashSet<string> usedOverrides = [];
    private readonly List<Constant> constants = [];
    private readonly List<StateVar> vars = [];
    private readonly List<Slot> slots = [];
    private readonly List<Hunk> hunks = [];
    private ImmutableArray<ModelledCode> modelledCode = [];
    private readonly List<Variant> variants = [];
    private readonly List<ScalarsetType> scalarsets = [];
    private readonly List<PropertyDef> properties = [];
    private readonly List<LivenessDef> liveness = [];
    private readonly Stack<string> inlining = new();
    private int nextLocal;
    private int frameSize;

    private Binder(IReadOnlyDictionary<string, string> overrides)
    {
        this.overrides = overrides;
    }

    /// <summary>Binds a whole model (includes already spliced in) with the given constant overrides.</summary>
    public static Model Bind(IReadOnlyList<DeclSyntax> decls, string sourceFile, IReadOnlyDictionary<string, string>? constantOverrides = null) =>
        new Binder(constantOverrides ?? new Dictionary<string, string>()).BindModel(decls, sourceFile);

    private Model BindModel(IReadOnlyList<DeclSyntax> decls, string sourceFile)
    {
        var name = decls.OfType<ModelDecl>().FirstOrDefault()?.Name ?? Path.GetFileNameWithoutExtension(sourceFile);

        // The kernel code the model stands for, wherever it is declared: hunks' patterns name it.
        modelledCode = BindModelledCode(decls.OfType<ModelsDecl>().ToList());

        // Pass 1, in order: the declarations that others depend on by value.
        foreach (var d in decls)
        {
            switch (d)
            {
                case EnumDecl e: DeclareEnum(e); break;
                case ConstDecl c: DeclareConst(c); break;
                case TypeDecl t: Declare(new TypeSymbol(t.Name, ResolveType(t.Type, t.Name), t.Span)); break;
                case HunkDecl h: DeclareHunk(h); break;
                case VariantDecl v: DeclareVariant(v); break;
            }
        }

        foreach (var o in overrides.Keys.Where(k => !usedOverrides.Contains(k)))
        {
            throw new ModelError(CommandLine, $"--const {o}: the model declares no constant '{o}'");
        }

        // Pass 2: state variables and the names of bodies, so bodies may refer to any of them.
        foreach (var d in decls)
        {
            switch (d)
            {
                case VarDecl v: DeclareVar(v); break;
                case DefDecl f: Declare(new DefSymbol(f)); break;
                case ProcedureDecl p: Declare(new ProcedureSymbol(p)); break;
                case ActionDecl a: Declare(new OtherSymbol(a.Name, "action", a.Span)); break;
                case PropertyDecl p: Declare(new OtherSymbol(p.Name, p.Kind == PropertyKind.Cover ? "cover" : p.IsLemma ? "lemma" : "invariant", p.Span)); break;
                case LivenessDecl l: Declare(new OtherSymbol(l.Name, "liveness property", l.Span)); break;
            }
        }

        if (vars.Count == 0)
        {
            throw new ModelError(new SourceSpan(sourceFile, 1, 1), "the model declares no state variable");
        }

        // Pass 3: bodies.
        var init = BindInit(decls);
        var actions = ImmutableArray.CreateBuilder<ActionDef>();
        foreach (var d in decls)
        {
            switch (d)
            {
                case ActionDecl a: actions.Add(BindAction(a)); break;
                case PropertyDecl p: properties.Add(BindProperty(p)); break;
                case LivenessDecl l: liveness.Add(BindLiveness(l)); break;
            }
        }

        if (variants.Count == 0)
        {
            variants.Add(new Variant("default", [], "the model as written", SourceSpan.None));
        }

        var expectations = BindExpectations(decls.OfType<ExpectDecl>());
        return new Model(
            name,
            sourceFile,
            [.. constants],
            [.. vars],
            [.. slots],
            init,
            actions.ToImmutable(),
            [.. properties],
            [.. hunks],
            [.. variants],
            expectations,
            decls.OfType<AllowDeadlockDecl>().Any(),
            frameSize)
        {
            Scalarsets = [.. scalarsets],
            GateExpectations = BindGateExpectations(decls.OfType<GateExpectDecl>(), actions),
            Lanes = BindLanes(decls.OfType<LaneDecl>().ToList(), actions),
            ModelledCode = modelledCode,
            Liveness = [.. liveness],
            Fairness = BindFairness(decls.OfType<FairDecl>().ToList(), actions),
        };
    }

    private void Declare(Symbol symbol)
    {
        if (globals.TryGetValue(symbol.Name, out var earlier))
        {
            throw new ModelError(symbol.Span, $"'{symbol.Name}' is already declared as {Article(earlier.Kind)} {earlier.Kind} at {earlier.Span}");
        }

        globals[symbol.Name] = symbol;
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private void DeclareEnum(EnumDecl e)
    {
        var type = new EnumType(e.Name, [.. e.Members.Select(m => m.Text)]);
        Declare(new TypeSymbol(e.Name, type, e.Span));
        for (var i = 0; i < e.Members.Count; i++)
        {
            Declare(new EnumMemberSymbol(e.Members[i].Text, type, i, e.Members[i].Span));
        }
    }

    private void DeclareConst(ConstDecl c)
    {
        var declared = c.Type is null ? null : ResolveType(c.Type, null);
        if (declared is not null and not ScalarType)
        {
            throw new ModelError(c.Type!.Span, "a constant must have a scalar type");
        }

        Expr value;
        var overridden = overrides.TryGetValue(c.Name, out var text);
        if (overridden)
        {
            usedOverrides.Add(c.Name);
            ExprSyntax parsed;
            try
            {
                parsed = Parser.ParseExpression(CommandLine.File, text!);
            }
            catch (ModelError)
            {
                throw new ModelError(CommandLine, $"--const {c.Name}={text}: not a value");
            }

            value = BindOverride(c.Name, text!, parsed, declared);
        }
        else
        {
            value = BindConstantExpr(c.Value);
        }

        var type = declared ?? (value.Type is IntType ? IntType.Instance : value.Type);
        var where = overridden ? CommandLine : c.Value.Span;
        var what = overridden ? $"--const {c.Name}={text}" : $"constant '{c.Name}'";
        if (!Types.Compatible(value.Type, type))
        {
            throw new ModelError(where, $"{what}: expected a value of type {type.Display}, got {value.Type.Display}");
        }

        var v = ((LiteralExpr)value).Value;
        if (type is ScalarType s && s.OrdinalOf(v) < 0)
        {
            throw new ModelError(where, $"{what}: value {v} is out of range {s.Display}");
        }

        var constant = new Constant(c.Name, type, v, overridden);
        constants.Add(constant);
        Declare(new ConstSymbol(constant, c.Span));
    }

    private void DeclareHunk(HunkDecl h)
    {
        var hunk = new Hunk(h.Name, h.Description, h.Span) { Patterns = BindHunkPatterns(h) };
        hunks.Add(hunk);
        Declare(new HunkSymbol(hunk));
    }

    private void DeclareVariant(VariantDecl v)
    {
        var applied = ImmutableArray.CreateBuilder<Hunk>();
        foreach (var n in v.Hunks)
        {
            if (!globals.TryGetValue(n.Text, out var s))
            {
                throw new ModelError(n.Span, $"variant '{v.Name}' names an undeclared hunk '{n.Text}'");
            }

            if (s is not HunkSymbol h)
            {
                throw new ModelError(n.Span, $"'{n.Text}' is {Article(s.Kind)} {s.Kind}, not a hunk");
            }

            if (applied.Contains(h.Hunk))
            {
                throw new ModelError(n.Span, $"variant '{v.Name}' names hunk '{n.Text}' twice");
            }

            applied.Add(h.Hunk);
        }

        variants.Add(new Variant(v.Name, applied.ToImmutable(), v.Description, v.Span));
        Declare(new OtherSymbol(v.Name, "variant", v.Span));
    }

    private HvType ResolveType(TypeSyntax syntax, string? declaredName)
    {
        switch (syntax)
        {
            case BoolTypeSyntax:
                return BoolType.Instance;
            case RangeTypeSyntax r:
            {
                var lo = ConstantInt(r.Lo);
                var hi = ConstantInt(r.Hi);
                if (hi < lo)
                {
                    throw new ModelError(r.Span, $"empty range {lo} .. {hi}");
                }

                // A state slot stores an ordinal in at most 30 bits; wider ranges are no finite-state model.
                if ((long)hi - lo + 1 > MaxRangeSize)
                {
                    throw new ModelError(r.Span, $"range {lo} .. {hi} has {(long)hi - lo + 1} values; at most {MaxRangeSize} are allowed");
                }

                return new RangeType(lo, hi, declaredName);
            }

            case ScalarsetTypeSyntax s:
            {
                if (declaredName is null)
                {
                    throw new ModelError(s.Span, "a scalarset must be declared as a named type: type T = scalarset(N)");
                }

                var size = ConstantInt(s.Size);
                if (size < 1)
                {
                    throw new ModelError(s.Size.Span, $"a scalarset needs at least one element, not {size}");
                }

                if (size < s.Distinguished.Count)
                {
                    throw new ModelError(s.Size.Span, $"scalarset {declaredName} has {size} element(s) but names {s.Distinguished.Count} distinguished member(s)");
                }

                var (block, fixedMembers) = Blocks(s, declaredName, size);
                var type = new ScalarsetType(declaredName, size, fixedMembers, block) { Declared = s.Span };
                for (var k = 0; k < s.Distinguished.Count; k++)
                {
                    // Printing shows interchangeable members as the type's name and ordinal:
                    // a distinguished name of that form must be that very member.
                    var d = s.Distinguished[k];
                    if (d.Text.StartsWith(declaredName, StringComparison.Ordinal) && d.Text.Length > declaredName.Length
                        && d.Text[declaredName.Length..].All(char.IsAsciiDigit) && d.Text != $"{declaredName}{k}")
                    {
                        throw new ModelError(d.Span, $"distinguished member '{d.Text}' would print like another member of {declaredName}; name it {declaredName}{k} or otherwise");
                    }

                    // A distinguished member is a constant of the type: fixed by every permutation.
                    Declare(new ConstSymbol(new Constant(d.Text, type, k, false), d.Span));
                }

                scalarsets.Add(type);
                return type;
            }

            case ArrayTypeSyntax a:
            {
                if (ResolveType(a.Index, null) is not ScalarType index)
                {
                    throw new ModelError(a.Index.Span, "an array index must be a finite scalar type");
                }

                return new ArrayType(index, ResolveType(a.Element, null));
            }

            case NamedTypeSyntax n:
            {
                if (!globals.TryGetValue(n.Name, out var s))
                {
                    throw new ModelError(n.Span, $"unknown type '{n.Name}'");
                }

                if (s is not TypeSymbol t)
                {
                    throw new ModelError(n.Span, $"'{n.Name}' is {Article(s.Kind)} {s.Kind}, not a type");
                }

                return t.Type;
            }

            default:
                throw new InvalidOperationException(syntax.ToString());
        }
    }

    private ScalarType ResolveScalarType(TypeSyntax syntax) =>
        ResolveType(syntax, null) as ScalarType ?? throw new ModelError(syntax.Span, "expected a finite scalar type (bool, a range, an enum or a scalarset)");

    private int ConstantInt(ExprSyntax syntax)
    {
        var e = BindConstantExpr(syntax);
        if (!Types.IsInteger(e.Type))
        {
            throw new ModelError(syntax.Span, $"expected an integer, got {e.Type.Display}");
        }

        return ((LiteralExpr)e).Value;
    }

    /// <summary>Binds an expression that may use only constants, and folds it to a literal.</summary>
    private LiteralExpr BindConstantExpr(ExprSyntax syntax)
    {
        var e = BindExpr(syntax, Scope.Empty);
        if (!ConstantChecker.IsConstant(e))
        {
            throw new ModelError(syntax.Span, "expected a constant expression");
        }

        try
        {
            return new LiteralExpr(ConstantValue.Evaluate(e), e.Type is RangeType ? IntType.Instance : e.Type, syntax.Span);
        }
        catch (ModelRuntimeError error)
        {
            throw new ModelError(error.Span, error.Message);
        }
    }

    private void DeclareVar(VarDecl d)
    {
        var type = ResolveType(d.Type, null);
        var v = new StateVar(d.Name, type, slots.Count, d.Span);
        Declare(new VarSymbol(v));
        vars.Add(v);
        AddSlots(v, type, [], d.Name);
    }

    private void AddSlots(StateVar v, HvType type, ImmutableArray<int> path, string name)
    {
        if (path.IsEmpty && slots.Count + CountSlots(type) > MaxSlots)
        {
            throw new ModelError(v.Span, $"'{v.Name}' makes the state larger than {MaxSlots} values");
        }

        if (type is ScalarType s)
        {
            slots.Add(new Slot(slots.Count, v, path, s) { Name = name });
            return;
        }

        var a = (ArrayType)type;
        foreach (var value in a.Index.Values())
        {
            AddSlots(v, a.Element, path.Add(value), $"{name}[{a.Index.Format(value)}]");
        }
    }

    private static long CountSlots(HvType type) => type is ArrayType a ? a.Index.Count * CountSlots(a.Element) : 1;

    private ImmutableDictionary<(string, string), Verdict> BindExpectations(IEnumerable<ExpectDecl> tables)
    {
        var result = ImmutableDictionary.CreateBuilder<(string, string), Verdict>();
        foreach (var t in tables)
        {
            if (t.When is not null)
            {
                var when = BindConstantExpr(t.When);
                if (when.Type is not BoolType)
                {
                    throw new ModelError(t.When.Span, "the condition of an expect table must be a bool");
                }

                if (when.Value == 0)
                {
                    continue;
                }
            }

            foreach (var p in t.Properties)
            {
                if (p.Text != Model.DeadlockProperty && !properties.Any(q => q.Name == p.Text) && !liveness.Any(l => l.Name == p.Text))
                {
                    throw new ModelError(p.Span, $"expect names an unknown property '{p.Text}'");
                }
            }

            foreach (var row in t.Rows)
            {
                if (!variants.Any(v => v.Name == row.Variant.Text))
                {
                    throw new ModelError(row.Variant.Span, $"expect names an unknown variant '{row.Variant.Text}'");
                }

                if (row.Cells.Count != t.Properties.Count)
                {
                    throw new ModelError(row.Span, $"row '{row.Variant.Text}' has {row.Cells.Count} verdicts for {t.Properties.Count} properties");
                }

                for (var i = 0; i < row.Cells.Count; i++)
                {
                    // '?' is written as Unknown: no verdict is known in advance, any definite one is accepted.
                    result[(row.Variant.Text, t.Properties[i].Text)] = row.Cells[i].Verdict ?? Verdict.Unknown;
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Starts a new body (action, property, init): its locals get fresh frame slots.</summary>
    private void BeginFrame() => nextLocal = 0;

    private Local NewLocal(string name, HvType type)
    {
        var local = new Local(name, type, nextLocal++);
        frameSize = Math.Max(frameSize, nextLocal);
        return local;
    }
}
