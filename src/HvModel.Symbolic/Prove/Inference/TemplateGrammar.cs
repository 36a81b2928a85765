using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove.Inference;

/// <summary>
/// The small template grammar of inferred lemmas: clauses universally quantified over up to
/// two variables per scalarset (and <see cref="MaxVars"/> in all), whose literals are the
/// model's atoms over those variables and the distinguished members: a bool state element
/// (<c>started[i]</c>), an equality of scalarset terms (<c>eff_cpu[i] = c</c>,
/// <c>i = i2</c>), and a state element of a small enum or range in a set of its values
/// (<c>phase = suspended or phase = powered_off</c>). Arrays indexed by an enum, a bool or a
/// short range are taken element by element; state of a larger integer range has no atom.
/// </summary>
public static class TemplateGrammar
{
    /// <summary>Most quantified variables of one clause.</summary>
    public const int MaxVars = 3;

    /// <summary>Most values of an integer range taken as a finite type (an index, a slot).</summary>
    public const int SmallRange = 6;

    /// <summary>
    /// The level of a signature: 1 with at most one variable per scalarset, 2 with two of one.
    /// Prove tries the candidates of level 1 first, as DistAI grows its templates only when
    /// the smaller ones do not suffice: fewer candidates make every solver query smaller.
    /// </summary>
    public static int Level(IReadOnlyList<QuantVar> signature) => signature.Any(v => v.Ordinal > 1) ? 2 : 1;

    /// <summary>The number of members each variable ranges over in <paramref name="model"/> (a configuration).</summary>
    public static int[] Sizes(Model model, IReadOnlyList<QuantVar> vars) =>
        [.. vars.Select(v => model.Scalarsets.First(s => s.Name == v.Sort.Name).Size)];

    /// <summary>
    /// Steps <paramref name="assignment"/> (variable k to a member below sizes[k]) to the next in
    /// odometer order, the first variable fastest; false, with every variable back at 0, after the last.
    /// </summary>
    public static bool NextAssignment(int[] assignment, int[] sizes)
    {
        for (var k = 0; k < assignment.Length; k++)
        {
            if (++assignment[k] < sizes[k])
            {
                return true;
            }

            assignment[k] = 0;
        }

        return false;
    }

    /// <summary>The signatures: sets of quantified variables, at most two per scalarset, each used in order.</summary>
    public static IReadOnlyList<IReadOnlyList<QuantVar>> Signatures(IReadOnlyList<ScalarsetType> sorts)
    {
        var result = new List<IReadOnlyList<QuantVar>>();
        void Build(int s, List<(ScalarsetType Sort, int Count)> chosen)
        {
            if (s == sorts.Count)
            {
                var vars = new List<QuantVar>();
                foreach (var (sort, count) in chosen)
                {
                    for (var k = 1; k <= count; k++)
                    {
                        vars.Add(new QuantVar(vars.Count, sort, k));
                    }
                }

                if (vars.Count <= MaxVars)
                {
                    result.Add(vars);
                }

                return;
            }

            for (var count = 0; count <= 2; count++)
            {
                chosen.Add((sorts[s], count));
                Build(s + 1, chosen);
                chosen.RemoveAt(chosen.Count - 1);
            }
        }

        Build(0, []);
        return result;
    }

    /// <summary>Every atom over the variables of <paramref name="signature"/> (and none).</summary>
    public static IReadOnlyList<Atom> Atoms(Model model, IReadOnlyList<QuantVar> signature)
    {
        var atoms = new List<Atom>();
        var sorted = new Dictionary<ScalarsetType, List<TemplateTerm>>();
        foreach (var v in signature)
        {
            Terms(sorted, v.Sort).Add(v);
        }

        foreach (var s in model.Scalarsets)
        {
            for (var k = 0; k < s.Fixed; k++)
            {
                Terms(sorted, s).Add(new ConstTerm(s, k));
            }
        }

        var stateTerms = new List<StateTerm>();
        foreach (var v in model.Vars)
        {
            var choices = new List<List<TemplateTerm>>();
            var usable = true;
            var type = v.Type;
            while (type is ArrayType a)
            {
                var options = a.Index switch
                {
                    ScalarsetType s => sorted.TryGetValue(s, out var ts) ? ts : [],
                    RangeType r when r.Count > SmallRange => null,
                    var t => t.Values().Select(value => (TemplateTerm)new ConstTerm(t, value)).ToList(),
                };
                if (options is null || options.Count == 0)
                {
                    usable = false;
                    break;
                }

                choices.Add(options);
                type = a.Element;
            }

            if (usable)
            {
                stateTerms.AddRange(Product(choices).Select(args => new StateTerm(v, args)));
            }
        }

        foreach (var t in stateTerms)
        {
            switch (t.Type)
            {
                case BoolType:
                    atoms.Add(new BoolAtom(t));
                    break;
                case ScalarsetType s:
                    Terms(sorted, s).Add(t);
                    break;
                case EnumType:
                case RangeType { Count: <= SmallRange }:
                    atoms.Add(new SlotAtom(t));
                    break;
            }
        }

        foreach (var terms in sorted.Values)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                for (var j = i + 1; j < terms.Count; j++)
                {
                    if (terms[i] is not ConstTerm || terms[j] is not ConstTerm)
                    {
                        atoms.Add(new EqAtom(terms[i], terms[j]));
                    }
                }
            }
        }

        return atoms;
    }

    private static List<TemplateTerm> Terms(Dictionary<ScalarsetType, List<TemplateTerm>> sorted, ScalarsetType s)
    {
        if (!sorted.TryGetValue(s, out var list))
        {
            sorted[s] = list = [];
        }

        return list;
    }

    private static IEnumerable<List<TemplateTerm>> Product(List<List<TemplateTerm>> choices)
    {
        IEnumerable<List<TemplateTerm>> result = [[]];
        foreach (var options in choices)
        {
            var current = options;
            result = result.SelectMany(prefix => current.Select(o => new List<TemplateTerm>(prefix) { o }));
        }

        return result;
    }
}
