using System.Runtime.CompilerServices;

namespace HvModel.Explicit;

/// <summary>
/// The hash of a packed state, for the visited set's places and the symmetry memo's. Every bit
/// of every word must reach the low bits: a state's slots fill its words from the most
/// significant bit down (see <see cref="HvModel.Core.Evaluation.StateCodec"/>), so a small
/// state has only high bits, which a plain multiply never carries down. Each word goes
/// through splitmix64's finaliser.
/// </summary>
internal static class PackedHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<ulong> packed)
    {
        var h = 0x9E37_79B9_7F4A_7C15UL;
        foreach (var w in packed)
        {
            h ^= w;
            h = (h ^ (h >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D0_49BB_1331_11EBUL;
            h ^= h >> 31;
        }

        return h;
    }
}
