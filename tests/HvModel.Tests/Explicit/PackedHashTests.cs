using HvModel.Explicit;

namespace HvModel.Tests.Explicit;

public class PackedHashTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void States_that_differ_only_in_their_high_bits_spread_over_the_low_bits(int words)
    {
        // Slots fill words from the top bit down: a model of 16 bits of state has nothing else.
        // The visited set takes a place from the low bits of the hash; the hash of before this
        // test put 65,536 such states on 16 places, and each lookup walked long chains.
        var places = new HashSet<ulong>();
        var state = new ulong[words];
        for (var i = 0UL; i < 65_536; i++)
        {
            state[words - 1] = i << 48;
            places.Add(PackedHash.Of(state) & 0xFFFF);
        }

        // Random places would fill 1 - 1/e of them: 63%.
        Assert.True(places.Count > 0.6 * 65_536, $"{places.Count} places");
    }
}
