namespace HvModel.Export.Promela;

/// <summary>What an expression written at run time reads: state places (those not folded to a known value), and whether it reads a <c>let</c>'s scratch variable.</summary>
internal sealed class ReadSet
{
    public Locations Places { get; } = new();

    public bool Scratch { get; set; }
}
