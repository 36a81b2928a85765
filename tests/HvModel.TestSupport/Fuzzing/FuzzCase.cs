namespace HvModel.TestSupport.Fuzzing;

/// <summary>
/// One mutated model file: its case number (Mutator.Create with the same seed and family replays
/// it), its family, the corpus file it was made from (the mutant is loaded from that file's
/// folder, so includes resolve), what was done, and the bytes.
/// </summary>
public sealed record FuzzCase(ulong Seed, MutationFamily Family, string Source, string Description, byte[] Bytes)
{
    public override string ToString() => $"case {Seed} ({Family}: {Description}) from {Source}, {Bytes.Length} bytes";
}
