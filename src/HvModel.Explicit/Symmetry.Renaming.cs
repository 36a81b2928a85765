using HvModel.Core.Ir;

namespace HvModel.Explicit;

/// <summary>
/// The permutation behind a representative, for the checks that must follow identities along a
/// path of stored states (liveness: an instance of <c>a(p0)</c> in one stored state may be
/// <c>a(p1)</c> in the concrete behaviour), and its application to a state, to lift such a path
/// back to concrete states.
/// </summary>
public sealed partial class Symmetry
{
    // Member images per word of a renaming kept in the memo (16 bits each).
    private const int ImagesPerWord = 4;

    // Successors repeat with their renamings as with their representatives: a memo of both,
    // made on first use (the representative's words, then the renaming's), and its value buffer.
    private CanonicalMemo? renamingMemo;
    private ulong[] withRenaming = [];

    /// <summary>The scalarsets whose interchangeable members the reduction permutes: the rows of a renaming, in this order.</summary>
    public IReadOnlyList<ScalarsetType> Sets => layout.Sets;

    /// <summary>
    /// Packs the representative of <paramref name="state"/> into <paramref name="packed"/>, the
    /// same one <see cref="Canonicalize(int[], ulong[])"/> gives, and writes the permutation
    /// whose image it is into <paramref name="renaming"/>: <c>renaming[k][m]</c> is the member
    /// that member m of <see cref="Sets"/>[k] becomes (distinguished members stay). Successors
    /// are looked up in a memo of their own, which keeps the renaming with the representative.
    /// </summary>
    public void Canonicalize(int[] state, ulong[] packed, int[][] renaming)
    {
        if (!signatures.Expanding)
        {
            Compute(state, packed, renaming);
            return;
        }

        if (renamingMemo is null)
        {
            var images = renaming.Sum(row => row.Length);
            withRenaming = new ulong[codec.Words + ((images + ImagesPerWord - 1) / ImagesPerWord)];
            renamingMemo = new CanonicalMemo(codec.Words, withRenaming.Length);
        }

        pack(state, raw);
        if (renamingMemo.TryGet(raw, withRenaming))
        {
            withRenaming.AsSpan(0, codec.Words).CopyTo(packed);
            Unfold(renaming);
            return;
        }

        Compute(state, packed, renaming);
        packed.CopyTo(withRenaming, 0);
        Fold(renaming);
        renamingMemo.Put(raw, withRenaming);
    }

    /// <summary>A renaming buffer for <see cref="Canonicalize(int[], ulong[], int[][])"/>: one row per set, each member's ordinal.</summary>
    public int[][] NewRenaming() => [.. layout.Sets.Select(s => new int[s.Size])];

    /// <summary>The image of <paramref name="state"/> under <paramref name="renaming"/> (as <see cref="Canonicalize(int[], ulong[], int[][])"/> writes one).</summary>
    public int[] Rename(int[] state, int[][] renaming)
    {
        var back = NewRenaming();
        for (var k = 0; k < back.Length; k++)
        {
            for (var m = 0; m < back[k].Length; m++)
            {
                back[k][renaming[k][m]] = m;
            }
        }

        var packed = new ulong[codec.Words];
        image(state, renaming, back, packed);
        var result = new int[state.Length];
        codec.Unpack(packed, result);
        return result;
    }

    /// <summary>Packs the renaming's images after the representative in <see cref="withRenaming"/>.</summary>
    private void Fold(int[][] renaming)
    {
        withRenaming.AsSpan(codec.Words).Clear();
        var i = 0;
        foreach (var row in renaming)
        {
            foreach (var image in row)
            {
                withRenaming[codec.Words + (i / ImagesPerWord)] |= (ulong)(ushort)image << (16 * (i % ImagesPerWord));
                i++;
            }
        }
    }

    /// <summary>The renaming that <see cref="Fold"/> packed.</summary>
    private void Unfold(int[][] renaming)
    {
        var i = 0;
        foreach (var row in renaming)
        {
            for (var m = 0; m < row.Length; m++)
            {
                row[m] = (ushort)(withRenaming[codec.Words + (i / ImagesPerWord)] >> (16 * (i % ImagesPerWord)));
                i++;
            }
        }
    }

    /// <summary>Writes the current tie permutation (the one <see cref="Image"/> just used) as a renaming, when one is asked for.</summary>
    private void Record(int[][]? renaming)
    {
        if (renaming is null)
        {
            return;
        }

        // inverse[k][n] is the member that lands on ordinal n.
        for (var k = 0; k < renaming.Length; k++)
        {
            var q = inverse[k];
            var r = renaming[k];
            for (var n = 0; n < q.Length; n++)
            {
                r[q[n]] = n;
            }
        }
    }
}
