using System.Text;

namespace HvModel.Tests.Export;

/// <summary>
/// A binary AIGER file read back and simulated, written apart from the exporter's writer so
/// that the tests check the bytes ABC reads, not the exporter's own picture of them: the
/// header, each latch's next literal, the outputs, and the delta-coded AND gates.
/// </summary>
public sealed class AigerCircuit
{
    private readonly int inputs;
    private readonly int[] latchNext;
    private readonly int[] outputs;
    private readonly (int A, int B)[] gates;

    public AigerCircuit(byte[] bytes)
    {
        var pos = 0;
        string Line()
        {
            var end = Array.IndexOf(bytes, (byte)'\n', pos);
            var text = Encoding.ASCII.GetString(bytes, pos, end - pos);
            pos = end + 1;
            return text;
        }

        var header = Line().Split(' ');
        Assert.Equal("aig", header[0]);
        var (m, i, l, o, a) = (int.Parse(header[1]), int.Parse(header[2]), int.Parse(header[3]), int.Parse(header[4]), int.Parse(header[5]));
        Assert.Equal(m, i + l + a);
        inputs = i;
        latchNext = [.. Enumerable.Range(0, l).Select(_ => int.Parse(Line().Split(' ')[0]))];
        outputs = [.. Enumerable.Range(0, o).Select(_ => int.Parse(Line()))];
        gates = new (int, int)[a];
        int Delta()
        {
            var x = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[pos++];
                x |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    return x;
                }
            }
        }

        for (var k = 0; k < a; k++)
        {
            var lhs = 2 * (i + l + k + 1);
            var r0 = lhs - Delta();
            var r1 = r0 - Delta();
            Assert.True(r0 < lhs && r1 <= r0, "AND gates must come after their fan-ins");
            gates[k] = (r0, r1);
        }
    }

    public int InputCount => inputs;

    public int LatchCount => latchNext.Length;

    /// <summary>One step from <paramref name="latches"/> under <paramref name="inputValues"/>: the first output's value and the next latches.</summary>
    public (bool Bad, bool[] Next) Step(bool[] latches, bool[] inputValues)
    {
        var values = new bool[1 + inputs + latchNext.Length + gates.Length];
        Array.Copy(inputValues, 0, values, 1, inputs);
        Array.Copy(latches, 0, values, 1 + inputs, latches.Length);
        bool Lit(int lit) => values[lit >> 1] ^ ((lit & 1) != 0);
        for (var k = 0; k < gates.Length; k++)
        {
            values[1 + inputs + latchNext.Length + k] = Lit(gates[k].A) && Lit(gates[k].B);
        }

        return (Lit(outputs[0]), [.. latchNext.Select(Lit)]);
    }
}
