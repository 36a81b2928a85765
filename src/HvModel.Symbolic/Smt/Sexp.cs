namespace HvModel.Symbolic.Smt;

/// <summary>
/// A parsed S-expression of the solver's output: an atom (<see cref="Atom"/> set) or a list.
/// Only what <c>(get-value ...)</c> answers need: symbols, numerals, parentheses, strings.
/// </summary>
public sealed class Sexp
{
    private Sexp(string? atom, IReadOnlyList<Sexp> items)
    {
        Atom = atom;
        Items = items;
    }

    public string? Atom { get; }

    public IReadOnlyList<Sexp> Items { get; }

    public static Sexp Parse(string text)
    {
        var pos = 0;
        var result = Read(text, ref pos) ?? throw new FormatException("empty solver output");
        return result;
    }

    /// <summary>An integer or bool value: <c>5</c>, <c>(- 5)</c>, <c>true</c>, <c>false</c>.</summary>
    public int ToValue()
    {
        if (Atom is { } a)
        {
            return a switch
            {
                "true" => 1,
                "false" => 0,
                _ => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        if (Items.Count == 2 && Items[0].Atom == "-")
        {
            return -Items[1].ToValue();
        }

        throw new FormatException($"not a value: {this}");
    }

    public override string ToString() => Atom ?? $"({string.Join(' ', Items)})";

    private static Sexp? Read(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }

        if (pos >= s.Length)
        {
            return null;
        }

        if (s[pos] == '(')
        {
            pos++;
            var items = new List<Sexp>();
            while (true)
            {
                while (pos < s.Length && char.IsWhiteSpace(s[pos]))
                {
                    pos++;
                }

                if (pos >= s.Length)
                {
                    throw new FormatException("unbalanced parentheses in solver output");
                }

                if (s[pos] == ')')
                {
                    pos++;
                    return new Sexp(null, items);
                }

                items.Add(Read(s, ref pos)!);
            }
        }

        if (s[pos] == ')')
        {
            throw new FormatException("unexpected ')' in solver output");
        }

        var start = pos;
        if (s[pos] == '"')
        {
            pos++;
            while (pos < s.Length && s[pos] != '"')
            {
                pos++;
            }

            pos = Math.Min(pos + 1, s.Length);
        }
        else
        {
            while (pos < s.Length && !char.IsWhiteSpace(s[pos]) && s[pos] != '(' && s[pos] != ')')
            {
                pos++;
            }
        }

        return new Sexp(s[start..pos], []);
    }
}
