using HvModel.Core.Patches;

namespace HvModel.Tests.Patches;

/// <summary>The committed patch inputs (tests/patches) and ways to compare what they read as.</summary>
internal static class PatchFiles
{
    public const string Seed = "915cff7f38c5-v3-reply.txt";
    public const string PlainDiff = "915cff7f38c5-v3.diff";
    public const string SeedSubject = "PCI: hv: Fix hibernation in case interrupts are not re-created";
    public const string PciHyperv = "drivers/pci/controller/pci-hyperv.c";

    public static string Text(string name) => File.ReadAllText(Repo.Path("tests", "patches", name));

    public static PatchSeries Read(string name) => PatchReader.Read(Text(name), name);

    /// <summary>The only patch of a file that holds one.</summary>
    public static Patch Single(string name) => Assert.Single(Read(name).Patches);

    /// <summary>What a hunk says, leaving out where in the input it was (which differs between forms of one patch).</summary>
    public static object Meaning(DiffHunk h) =>
        (h.File, h.OldStart, h.OldCount, h.NewStart, h.NewCount, h.HeaderFunction,
         string.Join("\n", h.Lines.Select(l => $"{l.Kind}|{l.Text}|{l.Function}")));

    public static object[] Meanings(IEnumerable<DiffHunk> hunks) => [.. hunks.Select(Meaning)];

    /// <summary>The text with one exact piece replaced; fails if the piece is not there once.</summary>
    public static string Edit(string text, string piece, string replacement)
    {
        var at = text.IndexOf(piece, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(piece, at + 1, StringComparison.Ordinal) < 0, $"'{piece}' is not in the text once");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + piece.Length));
    }
}
