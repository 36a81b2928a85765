namespace HvModel.Symbolic.Prove.Inference;

/// <summary>A literal of a clause: a bool atom or an equality, or its negation.</summary>
public sealed record Literal(Atom Atom, bool Positive)
{
    public string Smt(string prefix)
    {
        var term = Atom switch
        {
            BoolAtom b => b.Smt(prefix),
            EqAtom e => e.Smt(prefix),
            _ => throw new InvalidOperationException("a slot is no literal"),
        };
        return Positive ? term : $"(not {term})";
    }
}

/// <summary>
/// A candidate lemma of the template grammar: for all values of its variables, one of its
/// literals holds, or its slot (if any) has one of the values listed.
/// </summary>
public sealed record Clause(IReadOnlyList<QuantVar> Vars, IReadOnlyList<Literal> Literals, SlotAtom? Slot, IReadOnlyList<int> SlotOrdinals)
{
    /// <summary>The clause as an SMT formula over the state named <paramref name="prefix"/>.</summary>
    public string Smt(string prefix)
    {
        var body = Body(prefix);
        return Vars.Count == 0 ? body : $"(forall ({string.Join(' ', Bound.Select(v => $"({v.Name} {v.Sort})"))}) {body})";
    }

    /// <summary>Its variables' names and sorts.</summary>
    public IReadOnlyList<(string Name, string Sort)> Bound => [.. Vars.Select(v => (v.Name, ProveVocabulary.SortOf(v.Sort)))];

    /// <summary>The disjunction, with the variables free.</summary>
    public string Body(string prefix)
    {
        var parts = Literals.Select(l => l.Smt(prefix)).ToList();
        if (Slot is not null)
        {
            parts.AddRange(SlotOrdinals.Select(o => Slot.Smt(prefix, o)));
        }

        return parts.Count == 1 ? parts[0] : $"(or {string.Join(' ', parts)})";
    }

    /// <summary>
    /// True when a literal assumes a variable equal to another variable or to a constant
    /// (<c>i = i2 -&gt; ...</c>, <c>c = Cpu0 -&gt; ...</c>): substituting gives a clause of
    /// fewer variables, which is mined in its own signature (or is a tautology, as congruence
    /// makes <c>i = i2 -&gt; eff_cpu[i] = eff_cpu[i2]</c>).
    /// </summary>
    public bool Redundant => Literals.Any(l => !l.Positive && l.Atom is EqAtom { Left: not StateTerm, Right: not StateTerm });

    /// <summary>Its size: literals, the slot counting as one.</summary>
    public int Size => Literals.Count + (Slot is null ? 0 : 1);

    /// <summary>
    /// A key equal for clauses that differ only in the order of their literals or by swapping
    /// two variables of one sort (i and i2): one of each is kept.
    /// </summary>
    public string Key()
    {
        var parts = Literals.Select(l => l.Smt("x")).ToList();
        if (Slot is not null)
        {
            parts.Add($"{Slot.Term.Smt("x")} in {string.Join(",", SlotOrdinals)}");
        }

        var text = string.Join("|", parts);
        var best = Normalize(text);
        foreach (var group in Vars.GroupBy(v => v.Sort).Where(g => g.Count() == 2))
        {
            var (a, b) = (group.First().Name, group.Last().Name);
            var swapped = Swap(text, a, b);
            if (string.CompareOrdinal(swapped, best) < 0)
            {
                best = swapped;
            }
        }

        return best;
    }

    private static string Swap(string text, string a, string b)
    {
        const string Hole = "\u0001";
        return Normalize(text.Replace(a, Hole, StringComparison.Ordinal).Replace(b, a, StringComparison.Ordinal).Replace(Hole, b, StringComparison.Ordinal));
    }

    private static string Normalize(string text) => string.Join("|", text.Split('|').Order(StringComparer.Ordinal));
}
