using System.Globalization;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Smt;

/// <summary>
/// Builds SMT-LIB2 terms as text. The builders fold the constants true/false on the spot,
/// because the translator produces many trivially-true path conditions and error terms, and
/// leaving them in would multiply the size of every query.
/// </summary>
public static class SmtTerms
{
    public const string True = "true";
    public const string False = "false";

    public static string Int(int value) =>
        value < 0 ? $"(- {(-(long)value).ToString(CultureInfo.InvariantCulture)})" : value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? True : False;

    /// <summary>True when <paramref name="term"/> is a single symbol or literal (no parentheses).</summary>
    public static bool IsAtom(string term) => !term.Contains('(') || term.StartsWith("(- ", StringComparison.Ordinal) && term.IndexOf('(', 1) < 0;

    public static string Not(string t) => t switch
    {
        True => False,
        False => True,
        _ when t.StartsWith("(not ", StringComparison.Ordinal) && IsSingleApplication(t) => t[5..^1],
        _ => $"(not {t})",
    };

    public static string And(params IEnumerable<string> terms)
    {
        var parts = new List<string>();
        foreach (var t in terms)
        {
            if (t == False)
            {
                return False;
            }

            if (t != True && !parts.Contains(t))
            {
                parts.Add(t);
            }
        }

        return parts.Count switch
        {
            0 => True,
            1 => parts[0],
            _ => $"(and {string.Join(' ', parts)})",
        };
    }

    public static string Or(params IEnumerable<string> terms)
    {
        var parts = new List<string>();
        foreach (var t in terms)
        {
            if (t == True)
            {
                return True;
            }

            if (t != False && !parts.Contains(t))
            {
                parts.Add(t);
            }
        }

        return parts.Count switch
        {
            0 => False,
            1 => parts[0],
            _ => $"(or {string.Join(' ', parts)})",
        };
    }

    public static string Implies(string a, string b)
    {
        if (a == False || b == True)
        {
            return True;
        }

        if (a == True)
        {
            return b;
        }

        return b == False ? Not(a) : $"(=> {a} {b})";
    }

    public static string Ite(string c, string then, string otherwise)
    {
        if (c == True || then == otherwise)
        {
            return then;
        }

        if (c == False)
        {
            return otherwise;
        }

        if (then == True && otherwise == False)
        {
            return c;
        }

        return then == False && otherwise == True ? Not(c) : $"(ite {c} {then} {otherwise})";
    }

    public static string Eq(string a, string b) => a == b ? True : $"(= {a} {b})";

    /// <summary>The sort a value of <paramref name="type"/> has in SMT: bools are Bool, every other scalar an Int.</summary>
    public static string Sort(HvType type) => type is BoolType ? "Bool" : "Int";

    /// <summary>The constraint that keeps <paramref name="term"/> inside <paramref name="type"/>: no value outside its type is possible.</summary>
    public static string InRange(ScalarType type, string term)
    {
        if (type is BoolType)
        {
            return True;
        }

        var lo = type.ValueAt(0);
        var hi = type.ValueAt(type.Count - 1);
        return lo == hi ? Eq(term, Int(lo)) : $"(and (<= {Int(lo)} {term}) (<= {term} {Int(hi)}))";
    }

    /// <summary>The SMT literal of value <paramref name="value"/> of <paramref name="type"/>.</summary>
    public static string Literal(HvType type, int value) => type is BoolType ? Bool(value != 0) : Int(value);

    private static bool IsSingleApplication(string t)
    {
        // "(not x)" but not "(not a) (b)": the first '(' must close at the very end.
        var depth = 0;
        for (var i = 0; i < t.Length; i++)
        {
            depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
            if (depth == 0 && i < t.Length - 1)
            {
                return false;
            }
        }

        return true;
    }
}
