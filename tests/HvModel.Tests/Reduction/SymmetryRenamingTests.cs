using HvModel.Core.Evaluation;

namespace HvModel.Tests.Reduction;

/// <summary>
/// The permutation behind a representative (which liveness under symmetry follows): it is the
/// one whose image the representative is, and the representative is the one canonicalizing
/// without it gives, for the canonical forms and the heuristic one alike.
/// </summary>
public class SymmetryRenamingTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "tokens", HvModel.Explicit.Symmetry.MaxPermutations },
        { "relations", HvModel.Explicit.Symmetry.MaxPermutations },
        { "boot_cpu", HvModel.Explicit.Symmetry.MaxPermutations },
        { "boot_cpu", 1 },
        { "flagship 3x1", HvModel.Explicit.Symmetry.MaxPermutations },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_renaming_maps_the_state_onto_its_representative(string name, int maxPermutations)
    {
        var model = SymmetryModels.Named(name);
        var symmetry = HvModel.Explicit.Symmetry.For(model, maxPermutations)!;
        var codec = new StateCodec(model.Slots);
        var states = SymmetryModels.Reachable(model);
        var renaming = symmetry.NewRenaming();
        var (withRenaming, plain) = (new ulong[codec.Words], new ulong[codec.Words]);
        var moved = 0;

        var step = Math.Max(1, states.Count / 2000);
        for (var i = 0; i < states.Count; i += step)
        {
            symmetry.Canonicalize(states[i], withRenaming, renaming);
            symmetry.Canonicalize(states[i], plain);
            Assert.Equal(plain, withRenaming);

            var representative = new int[states[i].Length];
            codec.Unpack(plain, representative);
            Assert.Equal(representative, symmetry.Rename(states[i], renaming));
            moved += renaming.Any(row => row.Where((m, j) => m != j).Any()) ? 1 : 0;

            // As a successor (of itself: a step that changed nothing), the second time from the memo.
            var expected = renaming.Select(row => row.ToArray()).ToArray();
            symmetry.Expanding(states[i]);
            for (var time = 0; time < 2; time++)
            {
                Array.ForEach(renaming, row => Array.Fill(row, -1));
                symmetry.Canonicalize(states[i], withRenaming, renaming);
                Assert.Equal(plain, withRenaming);
                Assert.Equal(expected, renaming);
            }

            symmetry.Expanding(null);
        }

        // A renaming that is always the identity would prove nothing.
        Assert.True(moved > 0, "no state was renamed");
    }
}
