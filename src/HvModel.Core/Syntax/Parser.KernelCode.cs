using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>
/// The parser's declarations that tie a model to the kernel it stands for: the functions it
/// models (<c>models</c>), how a patch shows each hunk (<c>adds</c>, <c>removes</c>), and the
/// parts of the system its actions belong to in a sequence diagram (<c>lane</c>).
/// </summary>
public sealed partial class Parser
{
    /// <summary><c>models "file": function, ...</c></summary>
    private ModelsDecl ModelsDeclaration()
    {
        var t = Advance();
        var file = Expect(TokenKind.String).Text;
        Expect(":");
        return new ModelsDecl(file, NameList(), t.Span);
    }

    /// <summary><c>lane NAME ["title"]: action, ...</c></summary>
    private LaneDecl LaneDeclaration()
    {
        var t = Advance();
        var name = Expect(TokenKind.Identifier).Text;
        var title = Current.Kind == TokenKind.String ? Advance().Text : name;
        Expect(":");
        return new LaneDecl(name, title, NameList(), t.Span);
    }

    /// <summary>
    /// A hunk's patterns: <c>adds "text" in function</c> or <c>removes "text" in function</c>,
    /// as many as follow. 'adds' and 'removes' are words only here, so no model loses them as names.
    /// </summary>
    private List<HunkPatternSyntax> HunkPatterns()
    {
        var patterns = new List<HunkPatternSyntax>();
        while (Current.Kind == TokenKind.Identifier && Current.Text is "adds" or "removes")
        {
            var word = Advance();
            var text = Expect(TokenKind.String);
            if (string.IsNullOrWhiteSpace(text.Text))
            {
                throw new ModelError(text.Span, $"'{word.Text}' needs the text of a line, not an empty string");
            }

            Expect("in");
            patterns.Add(new HunkPatternSyntax(word.Text == "adds" ? PatchChange.Adds : PatchChange.Removes, text.Text, NameToken(), word.Span));
        }

        return patterns;
    }

    /// <summary>One name or more, separated by commas.</summary>
    private List<Name> NameList()
    {
        var names = new List<Name> { NameToken() };
        while (Accept(","))
        {
            names.Add(NameToken());
        }

        return names;
    }
}
