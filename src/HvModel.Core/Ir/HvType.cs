using HvModel.Core.Text;

namespace HvModel.Core.Ir;

/// <summary>
/// A type of the modelling language. Every value at run time is an <see cref="int"/>:
/// bools are 0/1, ranges their integer, enums their member's ordinal, scalarsets 0..Size-1.
/// Named types (enums, scalarsets) compare by reference: two declarations are two types.
/// </summary>
public abstract class HvType
{
    /// <summary>How the type is written in messages.</summary>
    public abstract string Display { get; }

    public override string ToString() => Display;
}

/// <summary>A finite type whose values can be enumerated, packed and used as an array index.</summary>
public abstract class ScalarType : HvType
{
    /// <summary>Number of values.</summary>
    public abstract int Count { get; }

    /// <summary>
    /// The value of ordinal 0. Every scalar type's values are consecutive integers from it
    /// (bools, enums and scalarsets from 0, a range from its low end), so that a value and its
    /// ordinal differ by this alone: packing and unpacking states is a subtraction and an addition.
    /// </summary>
    public virtual int FirstValue => 0;

    /// <summary>The value with ordinal <paramref name="ordinal"/> (0-based).</summary>
    public int ValueAt(int ordinal) => FirstValue + ordinal;

    /// <summary>The ordinal of <paramref name="value"/>, or -1 when it is not a value of this type.</summary>
    public int OrdinalOf(int value) => value - FirstValue is var ordinal && ordinal >= 0 && ordinal < Count ? ordinal : -1;

    /// <summary>How a value of this type is shown in traces.</summary>
    public abstract string Format(int value);

    /// <summary>Bits needed to store an ordinal.</summary>
    public int Bits => Count <= 1 ? 0 : 32 - int.LeadingZeroCount(Count - 1);

    public IEnumerable<int> Values()
    {
        for (var k = 0; k < Count; k++)
        {
            yield return ValueAt(k);
        }
    }
}

public sealed class BoolType : ScalarType
{
    public static readonly BoolType Instance = new();

    private BoolType()
    {
    }

    public override string Display => "bool";

    public override int Count => 2;

    public override string Format(int value) => value != 0 ? "true" : "false";
}

/// <summary>The type of integer arithmetic before it is stored: unbounded, not a state type.</summary>
public sealed class IntType : HvType
{
    public static readonly IntType Instance = new();

    private IntType()
    {
    }

    public override string Display => "int";
}

/// <summary>An integer range <c>lo .. hi</c>, optionally named by a type declaration.</summary>
public sealed class RangeType(int lo, int hi, string? name = null) : ScalarType
{
    public int Lo { get; } = lo;

    public int Hi { get; } = hi;

    public string? Name { get; } = name;

    public override string Display => Name ?? $"{Lo}..{Hi}";

    public override int Count => Hi - Lo + 1;

    public override int FirstValue => Lo;

    public override string Format(int value) => value.ToString();
}

/// <summary>An enumeration; its members are global names.</summary>
public sealed class EnumType(string name, IReadOnlyList<string> members) : ScalarType
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Members { get; } = members;

    public override string Display => Name;

    public override int Count => Members.Count;

    public override string Format(int value) => OrdinalOf(value) >= 0 ? Members[value] : $"{Name}?{value}";
}

/// <summary>
/// A set of indices (Murphi's scalarset) whose first <see cref="Fixed"/> members are
/// distinguished and the rest interchangeable: <c>scalarset(CPUS) with Cpu0</c> fixes CPU 0,
/// the boot CPU, and leaves CPUs 1..N-1 interchangeable. Values can only be compared for
/// equality, used as array indices, quantified over, and a distinguished member named as a
/// constant, so any permutation of the interchangeable members (the distinguished ones stay
/// put) maps reachable states to reachable states. The explicit engine uses that for symmetry
/// reduction; a parameterized prover makes the interchangeable part an uninterpreted sort.
/// Ordinals: the distinguished members are 0..Fixed-1, in the order named, and the
/// interchangeable ones Fixed..Size-1.
/// </summary>
public sealed class ScalarsetType : ScalarType
{
    public ScalarsetType(string name, int size, IReadOnlyList<string>? distinguished = null, int? block = null)
    {
        distinguished ??= [];
        if (size < distinguished.Count)
        {
            throw new ArgumentException($"scalarset {name} of {size} cannot have {distinguished.Count} distinguished members", nameof(size));
        }

        if (block is { } b && (b < 1 || size % b != 0 || (b > 1 && distinguished.Count != size)))
        {
            throw new ArgumentException($"scalarset {name} of {size} cannot have blocks of {b} with {distinguished.Count} distinguished members", nameof(block));
        }

        Name = name;
        Size = size;
        Distinguished = distinguished;
        Block = block;
    }

    /// <summary>
    /// Null unless declared <c>in blocks of B</c>: then B, and the members form blocks of B in
    /// order (members 0..B-1, B..2B-1, ...), where a member's place in its block matters
    /// (<c>block_first(i)</c> names the block's first member). A permutation may then only move
    /// whole blocks. The explicit engine does not permute blocks (yet): with B above 1 every
    /// member is distinguished, which is sound; with B = 1 the type is an ordinary scalarset.
    /// </summary>
    public int? Block { get; }

    /// <summary>Where the type is declared, for errors about it found after binding.</summary>
    public SourceSpan Declared { get; init; } = SourceSpan.None;

    public string Name { get; }

    /// <summary>All members, distinguished and interchangeable.</summary>
    public int Size { get; }

    /// <summary>The names of the distinguished members, which have ordinals 0, 1, ... in this order.</summary>
    public IReadOnlyList<string> Distinguished { get; }

    /// <summary>Number of distinguished members: ordinals below it are fixed by every permutation.</summary>
    public int Fixed => Distinguished.Count;

    /// <summary>Number of interchangeable members, ordinals <see cref="Fixed"/>..Size-1.</summary>
    public int Interchangeable => Size - Fixed;

    /// <summary>True when <paramref name="value"/> is one of the interchangeable members.</summary>
    public bool IsInterchangeable(int value) => value >= Fixed && value < Size;

    public override string Display => Name;

    public override int Count => Size;

    /// <summary>A distinguished member by its name, an interchangeable one as the type's name and its ordinal.</summary>
    public override string Format(int value) => value >= 0 && value < Fixed ? Distinguished[value] : $"{Name}{value}";
}

/// <summary>An array over a finite index type; stored flattened, one slot per scalar element.</summary>
public sealed class ArrayType(ScalarType index, HvType element) : HvType
{
    public ScalarType Index { get; } = index;

    public HvType Element { get; } = element;

    public override string Display => $"array[{Index.Display}] of {Element.Display}";

    /// <summary>Number of scalar slots in one value of this array.</summary>
    public int SlotCount => Index.Count * Types.SlotCount(Element);
}

public static class Types
{
    /// <summary>Number of scalar slots a value of <paramref name="type"/> occupies.</summary>
    public static int SlotCount(HvType type) => type switch
    {
        ScalarType => 1,
        ArrayType a => a.SlotCount,
        _ => throw new ArgumentException($"type {type} has no storage", nameof(type)),
    };

    /// <summary>True when a value of <paramref name="from"/> may be stored in or compared with <paramref name="to"/>.</summary>
    public static bool Compatible(HvType from, HvType to)
    {
        if (ReferenceEquals(from, to))
        {
            return true;
        }

        return IsInteger(from) && IsInteger(to);
    }

    public static bool IsInteger(HvType t) => t is IntType or RangeType;

    /// <summary>The scalar type whose values are stored for <paramref name="type"/>, if it is scalar.</summary>
    public static ScalarType? AsScalar(HvType type) => type as ScalarType;
}
