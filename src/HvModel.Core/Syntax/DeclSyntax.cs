using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Syntax;

/// <summary>A top-level declaration as written.</summary>
public abstract record DeclSyntax(SourceSpan Span);

public sealed record Name(string Text, SourceSpan Span);

public sealed record Parameter(string Name, TypeSyntax Type, SourceSpan Span);

public sealed record ModelDecl(string Name, SourceSpan Span) : DeclSyntax(Span);

public sealed record IncludeDecl(string Path, SourceSpan Span) : DeclSyntax(Span);

public sealed record ConstDecl(string Name, TypeSyntax? Type, ExprSyntax Value, SourceSpan Span) : DeclSyntax(Span);

public sealed record TypeDecl(string Name, TypeSyntax Type, SourceSpan Span) : DeclSyntax(Span);

public sealed record EnumDecl(string Name, IReadOnlyList<Name> Members, SourceSpan Span) : DeclSyntax(Span);

/// <summary><c>var x: T</c> (any value), <c>var x: T = e</c> (every element e) or <c>var x: T in {e, ...}</c>.</summary>
public sealed record VarDecl(string Name, TypeSyntax Type, ExprSyntax? Initial, IReadOnlyList<ExprSyntax>? Choices, SourceSpan Span) : DeclSyntax(Span);

public sealed record InitDecl(IReadOnlyList<StmtSyntax> Body, SourceSpan Span) : DeclSyntax(Span);

public sealed record DefDecl(string Name, IReadOnlyList<Parameter> Parameters, ExprSyntax Body, SourceSpan Span) : DeclSyntax(Span);

public sealed record ProcedureDecl(string Name, IReadOnlyList<Parameter> Parameters, IReadOnlyList<StmtSyntax> Body, SourceSpan Span) : DeclSyntax(Span);

public sealed record ActionDecl(string Name, IReadOnlyList<Parameter> Parameters, string? Calls, ExprSyntax? Guard, IReadOnlyList<StmtSyntax> Body, SourceSpan Span) : DeclSyntax(Span);

public sealed record HunkDecl(string Name, string Description, SourceSpan Span) : DeclSyntax(Span)
{
    /// <summary>How a patch shows the hunk: <c>adds "text" in function</c>, <c>removes "text" in function</c>.</summary>
    public IReadOnlyList<HunkPatternSyntax> Patterns { get; init; } = [];
}

/// <summary>One line of a hunk's recognition: a change of <paramref name="Change"/> whose text contains <paramref name="Text"/>, in <paramref name="Function"/>.</summary>
public sealed record HunkPatternSyntax(PatchChange Change, string Text, Name Function, SourceSpan Span);

/// <summary><c>models "file": function, ...</c>: kernel functions the model stands for as a whole.</summary>
public sealed record ModelsDecl(string File, IReadOnlyList<Name> Functions, SourceSpan Span) : DeclSyntax(Span);

public sealed record VariantDecl(string Name, IReadOnlyList<Name> Hunks, string Description, SourceSpan Span) : DeclSyntax(Span);

public sealed record PropertyDecl(PropertyKind Kind, string Name, string Description, ExprSyntax Predicate, SourceSpan Span) : DeclSyntax(Span)
{
    /// <summary>Declared with <c>lemma</c>: an invariant written to help a proof (checked like any invariant).</summary>
    public bool IsLemma { get; init; }
}

/// <summary>One row of an expectation table: a variant and a verdict per column (null for '?').</summary>
public sealed record ExpectRow(Name Variant, IReadOnlyList<(Verdict? Verdict, SourceSpan Span)> Cells, SourceSpan Span);

/// <summary>
/// <c>expect [when COND] (p1, p2, ...) v1 = (holds, violated, ...) ... end</c>: expected
/// verdicts, applied when COND (over constants) holds; later tables override earlier cells.
/// </summary>
public sealed record ExpectDecl(ExprSyntax? When, IReadOnlyList<Name> Properties, IReadOnlyList<ExpectRow> Rows, SourceSpan Span) : DeclSyntax(Span);

/// <summary><c>lane NAME "title": action, ...</c>: a column of the HTML report's sequence diagrams.</summary>
public sealed record LaneDecl(string Name, string Title, IReadOnlyList<Name> Actions, SourceSpan Span) : DeclSyntax(Span);

/// <summary><c>liveness NAME "why": p leadsto q | always eventually p | eventually p | eventually always p</c></summary>
public sealed record LivenessDecl(string Name, string Description, LivenessForm Form, ExprSyntax P, ExprSyntax? Q, SourceSpan Span) : DeclSyntax(Span);

/// <summary><c>fair weak|strong: action, ...</c>: every instance of each action is weakly (strongly) fair.</summary>
public sealed record FairDecl(Fairness Fairness, IReadOnlyList<Name> Actions, SourceSpan Span) : DeclSyntax(Span);

public sealed record AllowDeadlockDecl(SourceSpan Span) : DeclSyntax(Span);
