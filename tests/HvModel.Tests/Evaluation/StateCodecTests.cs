using HvModel.Core.Evaluation;

namespace HvModel.Tests.Evaluation;

public class StateCodecTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(4, 3)]
    public void Packed_states_compare_word_by_word_as_the_states_compare_slot_by_slot(int cpus, int irqs)
    {
        // Symmetry picks the least image of a state by comparing packed images: that must be
        // the least state, or the representatives (and the traces that start from them) change.
        var model = Check.LoadFile("model/hv-pci-msi.hvm", new() { ["CPUS"] = $"{cpus}", ["IRQS"] = $"{irqs}" });
        var codec = new StateCodec(model.Slots);
        var random = new Random(7);
        int[] Random()
        {
            var state = new int[model.Slots.Length];
            for (var i = 0; i < state.Length; i++)
            {
                var type = model.Slots[i].Type;
                state[i] = type.ValueAt(random.Next(type.Count));
            }

            return state;
        }

        for (var n = 0; n < 2000; n++)
        {
            var a = Random();

            // Mostly states that differ in one slot at most, so that every slot's place is tried.
            var b = n % 5 == 0 ? Random() : (int[])a.Clone();
            var slot = random.Next(b.Length);
            var type = model.Slots[slot].Type;
            b[slot] = type.ValueAt(random.Next(type.Count));
            var (pa, pb) = (new ulong[codec.Words], new ulong[codec.Words]);
            codec.Pack(a, pa);
            codec.Pack(b, pb);

            Assert.Equal(Math.Sign(a.AsSpan().SequenceCompareTo(b)), Math.Sign(pa.AsSpan().SequenceCompareTo(pb)));
            var back = new int[a.Length];
            codec.Unpack(pa, back);
            Assert.Equal(a, back);
        }
    }
}
