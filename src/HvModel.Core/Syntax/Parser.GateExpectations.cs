namespace HvModel.Core.Syntax;

/// <summary>The parser's gate expectations (see <see cref="GateExpectDecl"/>), apart from the expect tables.</summary>
public sealed partial class Parser
{
    /// <summary>The words after <c>expect</c> that start a gate expectation rather than a table.</summary>
    public static readonly IReadOnlySet<string> GateFindingWords = new HashSet<string> { "never", "inert", "vacuous" };

    private bool AtGateExpectation() =>
        Current.Is("expect") && Peek().Kind == TokenKind.Identifier && GateFindingWords.Contains(Peek().Text);

    private GateExpectDecl GateExpectation()
    {
        var t = Expect("expect");
        var kind = NameToken();
        var subject = NameToken();
        var args = new List<(Name, ExprSyntax)>();
        if (kind.Text == "never" && Accept("("))
        {
            do
            {
                var p = NameToken();
                Expect("=");
                args.Add((p, Expression()));
            }
            while (Accept(","));
            Expect(")");
        }

        var variants = new List<Name>();
        if (Accept("in"))
        {
            do
            {
                variants.Add(NameToken());
            }
            while (Accept(","));
        }

        var when = Accept("when") ? Expression() : null;
        var reason = Expect(TokenKind.String).Text;
        return new GateExpectDecl(kind, subject, args, variants, when, reason, t.Span);
    }
}
