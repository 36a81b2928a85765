using System.Text;
using HvModel.Core.Ir;
using HvModel.Symbolic.Smt;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// Prove's queries restricted to models where every scalarset has exactly <c>size</c> members,
/// made ground: the members are distinct constants (the distinguished members first), every
/// quantifier over a scalarset becomes the conjunction (or disjunction) of its instances, and
/// every constant or function value of a scalarset sort is one of the members. The solver then
/// decides a quantifier-free problem quickly. A model found there is a model of the unbounded
/// query too, so anything refuted here (a candidate that is not inductive, a counterexample to
/// induction) is refuted for every size; what holds here must still be checked unbounded.
/// </summary>
public sealed class BoundedUniverse
{
    private readonly ProveVocabulary vocabulary;
    private readonly Dictionary<string, List<string>> members = [];

    public BoundedUniverse(ProveVocabulary vocabulary, IReadOnlyDictionary<string, int> sizes)
    {
        this.vocabulary = vocabulary;
        foreach (var s in vocabulary.Scalarsets)
        {
            var n = Math.Max(Math.Max(1, s.Fixed), sizes.TryGetValue(s.Name, out var k) ? k : 3);
            members[ProveVocabulary.SortOf(s)] = [.. Enumerable.Range(0, n).Select(i => Member(s, i))];
        }
    }

    /// <summary>Member <paramref name="ordinal"/> of a scalarset (the distinguished ones are 0..Fixed-1).</summary>
    public static string Member(ScalarsetType s, int ordinal) => $"m.{s.Name}.{ordinal}";

    /// <summary>How many members each scalarset has here, by name.</summary>
    public IReadOnlyDictionary<string, int> Sizes => vocabulary.Scalarsets.ToDictionary(s => s.Name, s => members[ProveVocabulary.SortOf(s)].Count);

    /// <summary>The commands of the unbounded query, made ground; declarations of the members come first.</summary>
    public IEnumerable<string> Ground(IEnumerable<string> commands)
    {
        var membersDeclared = false;
        foreach (var command in commands)
        {
            if (!membersDeclared && !command.StartsWith("(declare-sort", StringComparison.Ordinal) && !command.StartsWith("(declare-datatypes", StringComparison.Ordinal))
            {
                membersDeclared = true;
                foreach (var m in Members())
                {
                    yield return m;
                }
            }

            foreach (var g in GroundOne(command))
            {
                yield return g;
            }
        }
    }

    private IEnumerable<string> Members()
    {
        foreach (var s in vocabulary.Scalarsets)
        {
            var ms = members[ProveVocabulary.SortOf(s)];
            foreach (var m in ms)
            {
                yield return $"(declare-const {m} {ProveVocabulary.SortOf(s)})";
            }

            if (ms.Count > 1)
            {
                yield return $"(assert (distinct {string.Join(' ', ms)}))";
            }
        }
    }

    public IEnumerable<string> GroundOne(string command)
    {
        if (command.StartsWith("(assert ", StringComparison.Ordinal))
        {
            var term = Sexp.Parse(command).Items[1];
            var text = new StringBuilder("(assert ");
            Render(term, [], text);
            yield return text.Append(')').ToString();
            yield break;
        }

        yield return command;
        if (!command.StartsWith("(declare-", StringComparison.Ordinal) || command.StartsWith("(declare-sort", StringComparison.Ordinal) || command.StartsWith("(declare-datatypes", StringComparison.Ordinal))
        {
            yield break;
        }

        // A new constant or function of a scalarset sort takes its values among the members.
        var d = Sexp.Parse(command);
        var name = d.Items[1].Atom!;
        var (args, result) = d.Items[0].Atom == "declare-const"
            ? ([], d.Items[2].Atom!)
            : (d.Items[2].Items.Select(a => a.Atom!).ToList(), d.Items[3].Atom!);
        if (name.StartsWith("m.", StringComparison.Ordinal))
        {
            yield break;
        }

        // The distinguished members are the first members.
        foreach (var s in vocabulary.Scalarsets)
        {
            for (var k = 0; k < s.Fixed; k++)
            {
                if (name == ProveVocabulary.Distinguished(s, k))
                {
                    yield return $"(assert (= {name} {Member(s, k)}))";
                    yield break;
                }
            }
        }

        if (members.TryGetValue(result, out var values) && Instances(args) is { } tuples)
        {
            foreach (var tuple in tuples)
            {
                var application = tuple.Count == 0 ? name : $"({name} {string.Join(' ', tuple)})";
                yield return values.Count == 1 ? $"(assert (= {application} {values[0]}))" : $"(assert (or {string.Join(' ', values.Select(v => $"(= {application} {v})"))}))";
            }
        }
    }

    // Every tuple of values of these argument sorts; null when one is not finite here (Int).
    private List<List<string>>? Instances(IReadOnlyList<string> sorts)
    {
        var result = new List<List<string>> { new() };
        foreach (var sort in sorts)
        {
            if (Values(sort) is not { } values)
            {
                return null;
            }

            result = [.. result.SelectMany(prefix => values.Select(v => new List<string>(prefix) { v }))];
        }

        return result;
    }

    private IReadOnlyList<string>? Values(string sort)
    {
        if (members.TryGetValue(sort, out var ms))
        {
            return ms;
        }

        if (sort == "Bool")
        {
            return ["true", "false"];
        }

        var e = vocabulary.Enums.FirstOrDefault(e => ProveVocabulary.SortOf(e) == sort);
        return e is null ? null : [.. Enumerable.Range(0, e.Count).Select(k => ProveVocabulary.Constructor(e, k))];
    }

    private void Render(Sexp e, Dictionary<string, string> substitution, StringBuilder text)
    {
        if (e.Atom is { } atom)
        {
            text.Append(substitution.TryGetValue(atom, out var value) ? value : atom);
            return;
        }

        if (e.Items.Count == 3 && e.Items[0].Atom is "forall" or "exists"
            && e.Items[1].Items.All(b => b.Items.Count == 2 && b.Items[1].Atom is { } sort && members.ContainsKey(sort)))
        {
            var bindings = e.Items[1].Items.Select(b => (Name: b.Items[0].Atom!, Values: members[b.Items[1].Atom!])).ToList();
            var assignments = new List<Dictionary<string, string>> { new(substitution) };
            foreach (var (name, values) in bindings)
            {
                assignments = [.. assignments.SelectMany(a => values.Select(v => new Dictionary<string, string>(a) { [name] = v }))];
            }

            text.Append(e.Items[0].Atom == "forall" ? "(and" : "(or");
            foreach (var a in assignments)
            {
                text.Append(' ');
                Render(e.Items[2], a, text);
            }

            text.Append(e.Items[0].Atom == "forall" ? " true)" : " false)");
            return;
        }

        text.Append('(');
        for (var i = 0; i < e.Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            Render(e.Items[i], substitution, text);
        }

        text.Append(')');
    }
}
