using System.Text;

namespace HvModel.Export.Aiger;

/// <summary>
/// Writes an <see cref="Aig"/> in the binary AIGER format (aig, version 1), the one ABC's
/// <c>read_aiger</c> takes (it refuses the ASCII form). Variables are renumbered as the format
/// requires: inputs first, then latches, then the AND gates in an order where each comes after
/// its fan-ins; AND gates that neither an output nor a latch needs are left out. Every latch
/// starts at 0 (version 1 has no other reset value; the exporter stores its initial values
/// accordingly). A symbol table names inputs, latches and outputs, and the comment section
/// says how the file was made.
/// </summary>
public static class AigerWriter
{
    public static byte[] Write(
        Aig aig,
        IReadOnlyList<int> outputs,
        IReadOnlyList<string> inputNames,
        IReadOnlyList<string> latchNames,
        IReadOnlyList<string> outputNames,
        IReadOnlyList<string> comments)
    {
        var newVar = new int[aig.VariableCount];
        var next = 1;
        foreach (var lit in aig.Inputs)
        {
            newVar[lit >> 1] = next++;
        }

        foreach (var lit in aig.Latches)
        {
            newVar[lit >> 1] = next++;
        }

        // The gates some output or latch reads, in creation order: fan-ins were created first.
        var needed = new bool[aig.VariableCount];
        foreach (var lit in outputs.Concat(aig.LatchNext))
        {
            needed[lit >> 1] = true;
        }

        for (var v = aig.VariableCount - 1; v > 0; v--)
        {
            if (needed[v] && aig.IsAnd(v))
            {
                var (a, b) = aig.FanIns(v);
                needed[a >> 1] = true;
                needed[b >> 1] = true;
            }
        }

        var gates = new List<int>();
        for (var v = 1; v < aig.VariableCount; v++)
        {
            if (needed[v] && aig.IsAnd(v))
            {
                newVar[v] = next++;
                gates.Add(v);
            }
        }

        int Map(int lit) => (2 * newVar[lit >> 1]) | (lit & 1);

        using var stream = new MemoryStream();
        void Text(string s) => stream.Write(Encoding.ASCII.GetBytes(s));
        var (i, l, o, n) = (aig.Inputs.Count, aig.Latches.Count, outputs.Count, gates.Count);
        Text($"aig {i + l + n} {i} {l} {o} {n}\n");
        foreach (var lit in aig.LatchNext)
        {
            Text($"{Map(lit)}\n");
        }

        foreach (var lit in outputs)
        {
            Text($"{Map(lit)}\n");
        }

        foreach (var v in gates)
        {
            var (a, b) = aig.FanIns(v);
            var lhs = 2 * newVar[v];
            var (r0, r1) = (Math.Max(Map(a), Map(b)), Math.Min(Map(a), Map(b)));
            Delta(stream, lhs - r0);
            Delta(stream, r0 - r1);
        }

        for (var k = 0; k < inputNames.Count; k++)
        {
            Text($"i{k} {inputNames[k]}\n");
        }

        for (var k = 0; k < latchNames.Count; k++)
        {
            Text($"l{k} {latchNames[k]}\n");
        }

        for (var k = 0; k < outputNames.Count; k++)
        {
            Text($"o{k} {outputNames[k]}\n");
        }

        Text("c\n");
        foreach (var line in comments)
        {
            Text(line.Replace('\n', ' ') + "\n");
        }

        return stream.ToArray();
    }

    // The format's 7-bit groups, least significant first, the high bit set on all but the last.
    private static void Delta(Stream stream, int x)
    {
        var u = (uint)x;
        while (u >= 0x80)
        {
            stream.WriteByte((byte)((u & 0x7f) | 0x80));
            u >>= 7;
        }

        stream.WriteByte((byte)u);
    }
}
