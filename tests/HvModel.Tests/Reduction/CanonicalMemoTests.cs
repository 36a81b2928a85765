using HvModel.Explicit;

namespace HvModel.Tests.Reduction;

public class CanonicalMemoTests
{
    [Fact]
    public void The_memo_answers_only_for_the_very_state_it_remembers()
    {
        var memo = new CanonicalMemo(words: 2);
        ulong[] a = [1, 2], b = [1, 3], representative = new ulong[2];

        memo.Put(a, [7, 8]);

        Assert.True(memo.TryGet(a, representative));
        Assert.Equal([7UL, 8UL], representative);
        Assert.False(memo.TryGet(b, representative));
        Assert.Equal([7UL, 8UL], representative);
    }

    [Fact]
    public void A_state_that_takes_another_ones_place_replaces_it_and_the_all_zero_state_is_a_state_like_any()
    {
        var memo = new CanonicalMemo(words: 1);
        var representative = new ulong[1];
        Assert.False(memo.TryGet([0], representative));

        // More states than places: every one is answered right after it is put, with its own
        // representative, and any state answered later is answered with its own.
        for (var s = 0UL; s < 100_000; s++)
        {
            memo.Put([s], [s + 1]);
            Assert.True(memo.TryGet([s], representative));
            Assert.Equal(s + 1, representative[0]);
        }

        var answered = 0;
        for (var s = 0UL; s < 100_000; s++)
        {
            if (memo.TryGet([s], representative))
            {
                answered++;
                Assert.Equal(s + 1, representative[0]);
            }
        }

        Assert.InRange(answered, 1, 99_999);
    }

    [Fact]
    public void Representatives_from_the_memo_are_those_the_reduction_computes()
    {
        // The search meets most states again: the second time the memo answers, and must give
        // what the reduction gave the first time.
        var model = SymmetryModels.Named("boot_cpu");
        var states = SymmetryModels.Reachable(model);
        var symmetry = Symmetry.For(model)!;
        var codec = new HvModel.Core.Evaluation.StateCodec(model.Slots);

        // The memo serves successors: those of a state being expanded (any state will do as the
        // parent, whose signatures the others' are worked out from).
        var parent = (int[])states[0].Clone();
        symmetry.Expanding(parent);
        var first = states.Select(s => Canonical(symmetry, codec, s)).ToList();

        var again = states.Select(s => Canonical(symmetry, codec, s)).ToList();

        Assert.Equal(first, again);
        Assert.True(symmetry.MemoUse.Remembered > 0, $"{states.Count} states, {symmetry.MemoUse}");

        // Without a parent, no memo: the representatives are worked out from scratch.
        var fresh = Symmetry.For(model)!;
        Assert.Equal(first.AsEnumerable().Reverse(), states.AsEnumerable().Reverse().Select(s => Canonical(fresh, codec, s)));
        Assert.Equal(0, fresh.MemoUse.States);
    }

    private static string Canonical(Symmetry symmetry, HvModel.Core.Evaluation.StateCodec codec, int[] state)
    {
        var packed = new ulong[codec.Words];
        symmetry.Canonicalize((int[])state.Clone(), packed);
        return string.Join(",", packed);
    }
}
