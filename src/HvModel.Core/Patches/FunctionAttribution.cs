using System.Text.RegularExpressions;

namespace HvModel.Core.Patches;

/// <summary>
/// Which C function each line of a hunk is in. Mail loses indentation, so a definition is told by
/// its shape alone: one or more type words, then a name, then '(' (see <see cref="DefinedName"/>).
/// A line is in the nearest definition above it in the hunk, whatever the kind of either line;
/// above the first one it is in the function the <c>@@</c> header names. A call names no function:
/// changing a call is a change to the caller.
/// </summary>
internal static partial class FunctionAttribution
{
    // Words that come before a '(' without a function being defined.
    private static readonly HashSet<string> Keywords =
    [
        "if", "else", "for", "while", "switch", "return", "do", "case", "goto", "sizeof",
        "typeof", "__typeof__", "alignof", "_Alignof", "defined", "default", "break", "continue",
    ];

    /// <summary>
    /// Whether a line (its indentation lost) is a comment's: it opens one, or continues a block
    /// comment with a leading '*' followed by a space, '/' or nothing ("*p = 0;" is code).
    /// </summary>
    public static bool IsComment(string text) =>
        text.StartsWith("/*", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal)
        || text == "*" || text.StartsWith("* ", StringComparison.Ordinal) || text.StartsWith("*/", StringComparison.Ordinal);

    /// <summary>The function of each text, in order.</summary>
    public static string?[] Attribute(IReadOnlyList<string> texts, string? headerFunction)
    {
        var functions = new string?[texts.Count];
        var current = headerFunction;
        var inComment = false;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];

            // Prose in a comment can have the shape of a definition ("refer to foo() -> bar()").
            var commentLine = inComment || IsComment(text);
            inComment = StillInComment(text, inComment);
            if (!commentLine && DefinedName(text) is { } name)
            {
                current = name;
            }

            functions[i] = current;
        }

        return functions;
    }

    /// <summary>
    /// The name a line defines, or null: a type word or more, then the name, then '('; no '='
    /// before the '('; not ending in ';' (a prototype or a statement); no control word
    /// (<c>if</c>, <c>return</c>, ...). One word before '(' is a call or a macro
    /// (<c>for_each_pci_msi_entry(entry, pdev) {</c>), not a definition.
    /// </summary>
    public static string? DefinedName(string text)
    {
        text = text.Trim();
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        if (paren < 0 || text.EndsWith(';') || text.StartsWith('#'))
        {
            return null;
        }

        var words = text[..paren].Split([' ', '\t', '*'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words.All(w => Identifier().IsMatch(w) && !Keywords.Contains(w)))
        {
            return null;
        }

        return words[^1];
    }

    /// <summary>The function a header's tail names: the identifier just before its first '('.</summary>
    public static string? HeaderFunction(string tail)
    {
        var paren = tail.IndexOf('(', StringComparison.Ordinal);
        if (paren < 0)
        {
            return null;
        }

        var m = TrailingIdentifier().Match(tail[..paren]);
        return m.Success && !Keywords.Contains(m.Value) ? m.Value : null;
    }

    // Whether a block comment is still open after the line.
    private static bool StillInComment(string text, bool inComment)
    {
        var at = 0;
        while (true)
        {
            var mark = text.IndexOf(inComment ? "*/" : "/*", at, StringComparison.Ordinal);
            if (mark < 0)
            {
                return inComment;
            }

            inComment = !inComment;
            at = mark + 2;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*(?=\s*$)")]
    private static partial Regex TrailingIdentifier();
}
