using System.Collections.Immutable;
using HvModel.Core.Text;

namespace HvModel.Core.Ir;

/// <summary>A name bound inside an action, property or init block; <see cref="Slot"/> is its place in the local frame.</summary>
public sealed class Local(string name, HvType type, int slot)
{
    public string Name { get; } = name;

    /// <summary>A scalar type, or <see cref="IntType"/> for a <c>let</c> bound to arithmetic.</summary>
    public HvType Type { get; } = type;

    /// <summary>The finite type iterated by a quantifier, <c>for</c>, <c>any</c> or an action parameter.</summary>
    public ScalarType Domain => Type as ScalarType ?? throw new InvalidOperationException($"'{Name}' ranges over no finite type");

    public int Slot { get; } = slot;

    public override string ToString() => $"{Name}: {Type}";
}

/// <summary>A state variable; arrays occupy <see cref="SlotCount"/> consecutive slots from <see cref="FirstSlot"/>.</summary>
public sealed class StateVar(string name, HvType type, int firstSlot, SourceSpan span)
{
    public string Name { get; } = name;

    public HvType Type { get; } = type;

    public int FirstSlot { get; } = firstSlot;

    public int SlotCount => Types.SlotCount(Type);

    public SourceSpan Span { get; } = span;

    public override string ToString() => Name;
}

/// <summary>One scalar cell of the state vector: a whole scalar variable or one array element.</summary>
/// <param name="Index">Position in the state vector.</param>
/// <param name="Var">The variable it belongs to.</param>
/// <param name="Path">The element's index values (empty for a scalar variable), outermost first.</param>
/// <param name="Type">The scalar type of the value it holds.</param>
public sealed record Slot(int Index, StateVar Var, ImmutableArray<int> Path, ScalarType Type)
{
    /// <summary>The slot as written in the language, e.g. <c>masked[Irq0]</c>.</summary>
    public string Name { get; init; } = Var.Name;
}

public sealed record Hunk(string Name, string Description, SourceSpan Span)
{
    /// <summary>How a patch shows this hunk (all must match for it to be recognised); empty when the model does not say.</summary>
    public ImmutableArray<HunkPattern> Patterns { get; init; } = [];
}

/// <summary>Whether a pattern looks for an added line or a removed one.</summary>
public enum PatchChange
{
    Adds,
    Removes,
}

/// <summary>
/// A line a patch adds or removes in a function of a file that the model stands for: it
/// matches a changed line of that kind, in that function of that file, whose text contains
/// <paramref name="Text"/> (white space compared loosely, since mail loses indentation).
/// </summary>
public sealed record HunkPattern(PatchChange Change, string Text, string File, string Function, SourceSpan Span)
{
    public override string ToString() => $"{(Change == PatchChange.Adds ? "adds" : "removes")} \"{Text}\" in {Function}";
}

/// <summary>A kernel source file and the functions in it that the model stands for as a whole (<c>models</c>).</summary>
public sealed record ModelledCode(string File, ImmutableArray<string> Functions, SourceSpan Span);

/// <summary>
/// A column of the HTML report's sequence diagrams: the part of the system (a CPU going down,
/// genirq, a driver, the host) whose code the lane's actions stand for.
/// </summary>
public sealed record Lane(string Name, string Title, ImmutableArray<ActionDef> Actions, SourceSpan Span);

public sealed record Variant(string Name, ImmutableArray<Hunk> Hunks, string Description, SourceSpan Span)
{
    public bool Applies(Hunk hunk) => Hunks.Contains(hunk);

    /// <summary>The variant's hunks as reports name them: "a, b", or "no hunks".</summary>
    public string HunkNames => Hunks.IsEmpty ? "no hunks" : string.Join(", ", Hunks.Select(h => h.Name));
}

public sealed record Constant(string Name, HvType Type, int Value, bool Overridden)
{
    public string Display => Type is ScalarType s ? s.Format(Value) : Value.ToString();

    /// <summary>As a command line sets it: <c>CPUS=2</c>.</summary>
    public string Assignment => $"{Name}={Display}";
}

/// <summary>
/// A guarded command. Parameters are enumerated over their finite types: each tuple of
/// values is an <see cref="ActionInstance"/>. An action is one definition: two are equal only
/// when they are the same object (as keys they hash by identity, not by their bodies).
/// </summary>
public sealed record ActionDef(
    string Name,
    ImmutableArray<Local> Parameters,
    string? Calls,
    Expr Guard,
    Stmt Body,
    SourceSpan Span)
{
    /// <summary>How many instances the action has: the product of its parameters' domain sizes.</summary>
    public int InstanceCount => Parameters.Aggregate(1, (n, p) => checked(n * p.Domain.Count));

    /// <summary>
    /// Every instance, in the one order the engines, the exporters and the canonical traces
    /// share: parameters in declaration order, the last varying fastest.
    /// </summary>
    public IEnumerable<ActionInstance> Instances()
    {
        var count = InstanceCount;
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            yield return Instance(ordinal);
        }
    }

    /// <summary>The instance with this ordinal (see <see cref="ActionInstance.Ordinal"/>).</summary>
    public ActionInstance Instance(int ordinal)
    {
        var args = new int[Parameters.Length];
        var rest = ordinal;
        for (var i = Parameters.Length - 1; i >= 0; i--)
        {
            var domain = Parameters[i].Domain;
            args[i] = domain.ValueAt(rest % domain.Count);
            rest /= domain.Count;
        }

        return new ActionInstance(this, [.. args], ordinal);
    }

    /// <summary>The instance with these arguments, one per parameter.</summary>
    public ActionInstance Instance(IReadOnlyList<int> args) => new(this, [.. args], OrdinalOf(args));

    /// <summary>The ordinal of the instance with these arguments.</summary>
    public int OrdinalOf(IReadOnlyList<int> args)
    {
        var ordinal = 0;
        for (var i = 0; i < Parameters.Length; i++)
        {
            var domain = Parameters[i].Domain;
            ordinal = (ordinal * domain.Count) + domain.OrdinalOf(args[i]);
        }

        return ordinal;
    }

    public bool Equals(ActionDef? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

public enum PropertyKind
{
    /// <summary>Must hold in every reachable state.</summary>
    Invariant,

    /// <summary>Must be reached by some state (a sanity goal: the invariants are not vacuous).</summary>
    Cover,
}

public sealed record PropertyDef(string Name, string Description, PropertyKind Kind, Expr Predicate, SourceSpan Span)
{
    /// <summary>
    /// A hand-written lemma (<c>lemma NAME "why": expr</c>): an invariant that every engine checks
    /// like any other, and that <c>prove</c> adds to its inductive invariant, marked hand-written.
    /// </summary>
    public bool IsLemma { get; init; }
}

/// <summary>What a run of a (variant, property) pair is expected to give.</summary>
public enum Verdict
{
    Holds,
    Violated,
    Unknown,

    /// <summary>
    /// The run did not look (an engine that does not check deadlock, <c>--no-deadlock</c>, a
    /// model that allows deadlock): no verdict, and never a difference or an inconclusive run.
    /// </summary>
    NotChecked,
}

/// <summary>
/// A bound model: everything the engines need, for one choice of constants. Immutable.
/// Variants are chosen at check time (the IR holds <see cref="HunkExpr"/> nodes).
/// </summary>
public sealed record Model(
    string Name,
    string SourceFile,
    ImmutableArray<Constant> Constants,
    ImmutableArray<StateVar> Vars,
    ImmutableArray<Slot> Slots,
    Stmt Init,
    ImmutableArray<ActionDef> Actions,
    ImmutableArray<PropertyDef> Properties,
    ImmutableArray<Hunk> Hunks,
    ImmutableArray<Variant> Variants,
    ImmutableDictionary<(string Variant, string Property), Verdict> Expectations,
    bool AllowDeadlock,
    int FrameSize)
{
    /// <summary>All scalarset types that index or fill the state: the symmetry group's generators.</summary>
    public ImmutableArray<ScalarsetType> Scalarsets { get; init; } = [];

    /// <summary>
    /// The pseudo-property under which deadlock (a reachable state with no successor) is reported;
    /// a keyword, so no property of the model's own can take the name. It may head an expect
    /// table's column like any property.
    /// </summary>
    public const string DeadlockProperty = "deadlock";

    /// <summary>Every constant as a command line sets it, in order: <c>CPUS=2 IRQS=2 ...</c>.</summary>
    public string ConstantAssignments => string.Join(" ", Constants.Select(c => c.Assignment));

    /// <summary>The kernel code the model stands for, file by file (<c>models</c>): what <c>review</c> counts as covered.</summary>
    public ImmutableArray<ModelledCode> ModelledCode { get; init; } = [];

    /// <summary>The liveness properties, checked over whole behaviours under <see cref="Fairness"/>.</summary>
    public ImmutableArray<LivenessDef> Liveness { get; init; } = [];

    /// <summary>The fairness of each action's instances (<c>fair weak|strong</c>); an action not named is not fair.</summary>
    public ImmutableDictionary<ActionDef, Fairness> Fairness { get; init; } = ImmutableDictionary<ActionDef, Fairness>.Empty;

    /// <summary>The lanes the model declares, in order; when it declares some, every action is in exactly one.</summary>
    public ImmutableArray<Lane> Lanes { get; init; } = [];

    /// <summary>The gate findings this model expects (<c>expect never|inert|vacuous</c>) for its constants.</summary>
    public ImmutableArray<GateExpectation> GateExpectations { get; init; } = [];

    public Variant GetVariant(string name) => Variants.First(v => v.Name == name);

    /// <summary>
    /// Whether deadlock is checked in a variant: unless the model says <c>allow deadlock</c>; an
    /// expect table that names <c>deadlock</c> for the variant has it checked all the same.
    /// </summary>
    public bool ChecksDeadlock(string variant) =>
        !AllowDeadlock || Expectations.ContainsKey((variant, DeadlockProperty));

    public PropertyDef GetProperty(string name) => Properties.First(p => p.Name == name);

    /// <summary>
    /// The expected verdict: the one written in an expect table (Unknown for '?': none known in
    /// advance), else Holds (an invariant holds, a cover is reached, no deadlock), except for
    /// deadlock in a model that allows it: Unknown (any verdict is accepted).
    /// </summary>
    public Verdict Expected(string variant, string property) =>
        Expectations.TryGetValue((variant, property), out var v) ? v
        : property == DeadlockProperty && AllowDeadlock ? Verdict.Unknown
        : Verdict.Holds;
}
