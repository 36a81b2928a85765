using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove.Inference;

/// <summary>
/// Enumerates the strongest clauses of the template grammar that hold in every row of a
/// <see cref="SampleTable"/> (as DistAI does from small instances): a clause is kept only when
/// no clause of fewer literals already holds and implies it (minimal clauses), up to three
/// literals, of which at most one is a slot's value set (the smallest set that makes the
/// clause hold). Every variable of the signature must occur, so that each clause is mined once,
/// in its own signature. A row is a (state, assignment); a literal's "false set" is the rows
/// where it is false, and a clause holds when its literals' false sets have no row in common.
/// </summary>
public static class ClauseMiner
{
    /// <summary>
    /// The minimal clauses of every signature of <paramref name="model"/>'s scalarsets that hold
    /// in every sampled state, each once (up to the order of its literals and the naming of its
    /// variables).
    /// </summary>
    public static List<Clause> MineAll(Model model, IReadOnlyList<StateSample> samples, CancellationToken cancellation)
    {
        var seen = new HashSet<string>();
        var result = new List<Clause>();
        foreach (var signature in TemplateGrammar.Signatures(model.Scalarsets))
        {
            var atoms = TemplateGrammar.Atoms(model, signature);
            var table = SampleTable.Build(signature, atoms, samples, cancellation);
            foreach (var clause in Mine(signature, table, cancellation))
            {
                if (seen.Add(clause.Key()))
                {
                    result.Add(clause);
                }
            }
        }

        return result;
    }

    public static IEnumerable<Clause> Mine(IReadOnlyList<QuantVar> signature, SampleTable table, CancellationToken cancellation)
    {
        if (table.Rows == 0)
        {
            yield break;
        }

        var full = (1 << signature.Count) - 1;
        var literals = new List<(Literal Literal, ulong[] False, int Mask, int Atom)>();
        var slots = new List<(SlotAtom Slot, ulong[][] ByValue, int Mask)>();
        for (var a = 0; a < table.Atoms.Count; a++)
        {
            var atom = table.Atoms[a];
            var mask = atom.Vars().Aggregate(0, (m, v) => m | (1 << v.Index));
            if (atom is SlotAtom slot)
            {
                slots.Add((slot, [.. Enumerable.Range(0, slot.Type.Count).Select(o => table.Where(a, o))], mask));
                continue;
            }

            var whereFalse = table.Where(a, 0);
            var whereTrue = table.Where(a, 1);
            if (IsEmpty(whereFalse) || IsEmpty(whereTrue))
            {
                // Constant in every row: a lemma of one literal, and useless in longer clauses.
                if (mask == full)
                {
                    yield return new Clause(signature, [new Literal(atom, IsEmpty(whereFalse))], null, []);
                }

                continue;
            }

            literals.Add((new Literal(atom, true), whereFalse, mask, a));
            literals.Add((new Literal(atom, false), whereTrue, mask, a));
        }

        var pairHolds = new HashSet<(int, int)>();
        var scratch = new ulong[table.Words];
        for (var i = 0; i < literals.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (var j = i + 1; j < literals.Count; j++)
            {
                if (literals[i].Atom == literals[j].Atom)
                {
                    continue;
                }

                if (!Intersects(literals[i].False, literals[j].False))
                {
                    pairHolds.Add((i, j));
                    if ((literals[i].Mask | literals[j].Mask) == full)
                    {
                        yield return new Clause(signature, [literals[i].Literal, literals[j].Literal], null, []);
                    }
                }
            }
        }

        for (var i = 0; i < literals.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (var j = i + 1; j < literals.Count; j++)
            {
                if (literals[i].Atom == literals[j].Atom || pairHolds.Contains((i, j)))
                {
                    continue;
                }

                And(literals[i].False, literals[j].False, scratch);
                for (var k = j + 1; k < literals.Count; k++)
                {
                    if (literals[k].Atom == literals[i].Atom || literals[k].Atom == literals[j].Atom
                        || (literals[i].Mask | literals[j].Mask | literals[k].Mask) != full
                        || pairHolds.Contains((i, k)) || pairHolds.Contains((j, k)))
                    {
                        continue;
                    }

                    if (!Intersects(scratch, literals[k].False))
                    {
                        yield return new Clause(signature, [literals[i].Literal, literals[j].Literal, literals[k].Literal], null, []);
                    }
                }
            }
        }

        foreach (var (slot, byValue, slotMask) in slots)
        {
            cancellation.ThrowIfCancellationRequested();
            var all = Values(byValue, null);
            if (all.Count < byValue.Length && slotMask == full)
            {
                yield return new Clause(signature, [], slot, all);
            }

            var singles = new List<int>[literals.Count];
            for (var i = 0; i < literals.Count; i++)
            {
                singles[i] = Values(byValue, literals[i].False);
                if (singles[i].Count < all.Count && (literals[i].Mask | slotMask) == full)
                {
                    yield return new Clause(signature, [literals[i].Literal], slot, singles[i]);
                }
            }

            for (var i = 0; i < literals.Count; i++)
            {
                for (var j = i + 1; j < literals.Count; j++)
                {
                    if (literals[i].Atom == literals[j].Atom || pairHolds.Contains((i, j))
                        || (literals[i].Mask | literals[j].Mask | slotMask) != full)
                    {
                        continue;
                    }

                    And(literals[i].False, literals[j].False, scratch);
                    var both = Values(byValue, scratch);
                    if (both.Count < singles[i].Count && both.Count < singles[j].Count)
                    {
                        yield return new Clause(signature, [literals[i].Literal, literals[j].Literal], slot, both);
                    }
                }
            }
        }
    }

    // The slot's values (ordinals) seen in the rows of 'rows' (every row when null).
    private static List<int> Values(ulong[][] byValue, ulong[]? rows)
    {
        var result = new List<int>();
        for (var o = 0; o < byValue.Length; o++)
        {
            if (rows is null ? !IsEmpty(byValue[o]) : Intersects(byValue[o], rows))
            {
                result.Add(o);
            }
        }

        return result;
    }

    private static bool IsEmpty(ulong[] set)
    {
        foreach (var w in set)
        {
            if (w != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Intersects(ulong[] a, ulong[] b)
    {
        for (var w = 0; w < a.Length; w++)
        {
            if ((a[w] & b[w]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void And(ulong[] a, ulong[] b, ulong[] result)
    {
        for (var w = 0; w < a.Length; w++)
        {
            result[w] = a[w] & b[w];
        }
    }
}
