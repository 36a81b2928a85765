namespace HvModel.TestSupport.Generation;

/// <summary>A type of the generated model, as the generator sees it (its name in the text, its values).</summary>
public abstract record GenType(string Text)
{
    /// <summary>Number of values (for arrays: of whole array values).</summary>
    public abstract long Count { get; }

    /// <summary>True for types that can index an array or be iterated over (named when not bool).</summary>
    public virtual bool Finite => true;
}

/// <summary><c>bool</c>.</summary>
public sealed record BoolType() : GenType("bool")
{
    public override long Count => 2;
}

/// <summary>An integer range, named (<c>type R = lo .. hi</c>) or written inline.</summary>
public sealed record RangeType(string Text, int Lo, int Hi) : GenType(Text)
{
    public override long Count => Hi - Lo + 1;
}

/// <summary>An enumeration; its members are global names.</summary>
public sealed record EnumType(string Text, IReadOnlyList<string> Members) : GenType(Text)
{
    public override long Count => Members.Count;
}

/// <summary>A scalarset: interchangeable values, only compared for equality, used as indices.</summary>
public sealed record ScalarsetType(string Text, int Size) : GenType(Text)
{
    public override long Count => Size;
}

/// <summary><c>array[Index] of Element</c>.</summary>
public sealed record ArrayType(GenType Index, GenType Element) : GenType($"array[{Index.Text}] of {Element.Text}")
{
    public override long Count => (long)Math.Min(1e15, Math.Pow(Element.Count, Index.Count));

    public override bool Finite => false;
}
