using HvModel.Core.Ir;

namespace HvModel.Core.Syntax;

/// <summary>
/// The parser's liveness declarations. 'always', 'eventually', 'leadsto', 'weak' and 'strong' are
/// words only in these places, so no model loses them as names.
/// </summary>
public sealed partial class Parser
{
    /// <summary><c>liveness NAME "why": p leadsto q | always eventually p | eventually p | eventually always p</c></summary>
    private LivenessDecl LivenessDeclaration()
    {
        var t = Advance();
        var name = Expect(TokenKind.Identifier).Text;
        var description = Current.Kind == TokenKind.String ? Advance().Text : "";
        Expect(":");
        if (AcceptWord("always"))
        {
            ExpectWord("eventually");
            return new LivenessDecl(name, description, LivenessForm.AlwaysEventually, Expression(), null, t.Span);
        }

        if (AcceptWord("eventually"))
        {
            var form = AcceptWord("always") ? LivenessForm.EventuallyAlways : LivenessForm.Eventually;
            return new LivenessDecl(name, description, form, Expression(), null, t.Span);
        }

        var p = Expression();
        ExpectWord("leadsto");
        return new LivenessDecl(name, description, LivenessForm.LeadsTo, p, Expression(), t.Span);
    }

    /// <summary><c>fair weak: action, ...</c> or <c>fair strong: action, ...</c></summary>
    private FairDecl FairDeclaration()
    {
        var t = Advance();
        var fairness = AcceptWord("weak") ? Fairness.Weak : AcceptWord("strong") ? Fairness.Strong
            : throw Error($"expected 'weak' or 'strong' after 'fair' but found {Current.Describe()}");
        Expect(":");
        return new FairDecl(fairness, NameList(), t.Span);
    }

    private bool AcceptWord(string word)
    {
        if (Current.Kind != TokenKind.Identifier || Current.Text != word)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectWord(string word)
    {
        if (!AcceptWord(word))
        {
            throw Error($"expected '{word}' but found {Current.Describe()}");
        }
    }
}
