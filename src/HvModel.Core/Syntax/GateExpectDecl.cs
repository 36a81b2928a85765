using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>
/// <c>expect never ACTION[(p = e, ...)] | inert HUNK | vacuous PROPERTY [in v1, v2] [when COND] "reason"</c>:
/// a finding of <c>hvmodel gate</c> that the model expects, with the reason why.
/// </summary>
public sealed record GateExpectDecl(
    Name Kind,
    Name Subject,
    IReadOnlyList<(Name Parameter, ExprSyntax Value)> Arguments,
    IReadOnlyList<Name> Variants,
    ExprSyntax? When,
    string Reason,
    SourceSpan Span) : DeclSyntax(Span);
