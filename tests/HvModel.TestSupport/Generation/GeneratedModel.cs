namespace HvModel.TestSupport.Generation;

/// <summary>
/// One generated model: its source text and the seed that regenerates it
/// (<c>ModelGenerator.FromSeed(Seed)</c> with the same settings).
/// </summary>
public sealed record GeneratedModel(ulong Seed, string Text)
{
    /// <summary>The file name it is loaded under, so that errors name the seed.</summary>
    public string FileName => $"gen{Seed}.hvm";

    public override string ToString() => $"generated model, seed {Seed}:\n{Text}";
}
