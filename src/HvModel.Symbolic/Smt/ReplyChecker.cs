namespace HvModel.Symbolic.Smt;

/// <summary>
/// Tells at once when a solver's output cannot be an SMT-LIB answer, so that a solver that
/// prints garbage and never the sync marker is stopped instead of waited for. A check-sat
/// answer is one of sat, unsat, unknown, plus any error s-expressions of earlier commands; any
/// other answer is s-expressions only. Parentheses are counted outside strings and |symbols|.
/// </summary>
internal sealed class ReplyChecker(bool checkSat)
{
    private int depth;
    private bool answered;
    private bool inString;
    private bool inSymbol;

    /// <summary>Null when <paramref name="line"/> may be part of an answer, else why it cannot.</summary>
    public string? Reject(string line)
    {
        var text = line.Trim();
        if (depth == 0 && !inString && !inSymbol)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (checkSat && text is "sat" or "unsat" or "unknown")
            {
                if (answered)
                {
                    return Garbage(line, "a second answer to one check-sat");
                }

                answered = true;
                return null;
            }

            if (text[0] != '(')
            {
                return Garbage(line, null);
            }
        }

        foreach (var c in text)
        {
            if (inString)
            {
                inString = c != '"';
            }
            else if (inSymbol)
            {
                inSymbol = c != '|';
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '|')
            {
                inSymbol = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth < 0)
            {
                return Garbage(line, "unbalanced parentheses");
            }
        }

        return null;
    }

    private static string Garbage(string line, string? why)
    {
        var shown = line.Length > 80 ? line[..80] + "..." : line;
        return $"the solver's output is not an SMT-LIB answer{(why is null ? string.Empty : $" ({why})")}: '{shown}'";
    }
}
