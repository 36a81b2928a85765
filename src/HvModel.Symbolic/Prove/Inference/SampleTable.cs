using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove.Inference;

/// <summary>The reachable states of one configuration, as the explicit engine found them.</summary>
public sealed record StateSample(SizeConfiguration Configuration, IReadOnlyList<int[]> States, bool Complete, double Seconds);

/// <summary>
/// The distinct rows of atom values that the samples show for one signature: one row per
/// (reachable state, assignment of the signature's variables to members), duplicates dropped.
/// A clause over these atoms holds in every sampled state exactly when it holds in every row.
/// Stored column-wise for the miner: per atom, the rows where it has each value.
/// </summary>
public sealed class SampleTable
{
    private SampleTable(IReadOnlyList<Atom> atoms, List<int[]> rows)
    {
        Atoms = atoms;
        Rows = rows.Count;
        Words = (rows.Count + 63) / 64;
        Columns = new int[atoms.Count][];
        for (var a = 0; a < atoms.Count; a++)
        {
            Columns[a] = [.. rows.Select(r => r[a])];
        }
    }

    public IReadOnlyList<Atom> Atoms { get; }

    public int Rows { get; }

    /// <summary>Length of a row bitset in 64-bit words.</summary>
    public int Words { get; }

    /// <summary>Columns[atom][row]: the atom's value in that row.</summary>
    public int[][] Columns { get; }

    /// <summary>The rows where atom <paramref name="a"/> has value <paramref name="value"/>, as a bitset.</summary>
    public ulong[] Where(int a, int value)
    {
        var set = new ulong[Words];
        var column = Columns[a];
        for (var r = 0; r < column.Length; r++)
        {
            if (column[r] == value)
            {
                set[r >> 6] |= 1UL << (r & 63);
            }
        }

        return set;
    }

    public static SampleTable Build(IReadOnlyList<QuantVar> signature, IReadOnlyList<Atom> atoms, IReadOnlyList<StateSample> samples, CancellationToken cancellation)
    {
        var rows = new HashSet<int[]>(StateEquality.Instance);
        var ordered = new List<int[]>();
        foreach (var sample in samples)
        {
            var model = sample.Configuration.Model;
            var evaluators = atoms.Select(a => a.Compile(model)).ToArray();
            var sizes = TemplateGrammar.Sizes(model, signature);
            var assignment = new int[signature.Count];
            foreach (var state in sample.States)
            {
                cancellation.ThrowIfCancellationRequested();
                Array.Clear(assignment);
                while (true)
                {
                    var row = new int[evaluators.Length];
                    for (var a = 0; a < evaluators.Length; a++)
                    {
                        row[a] = evaluators[a](state, assignment);
                    }

                    if (rows.Add(row))
                    {
                        ordered.Add(row);
                    }

                    if (!TemplateGrammar.NextAssignment(assignment, sizes))
                    {
                        break;
                    }
                }
            }
        }

        return new SampleTable(atoms, ordered);
    }
}
