using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>What a global name stands for. All declarations share one namespace.</summary>
internal abstract record Symbol(string Name, SourceSpan Span)
{
    public abstract string Kind { get; }
}

internal sealed record ConstSymbol(Constant Constant, SourceSpan Span) : Symbol(Constant.Name, Span)
{
    public override string Kind => "constant";
}

internal sealed record TypeSymbol(string Name, HvType Type, SourceSpan Span) : Symbol(Name, Span)
{
    public override string Kind => "type";
}

internal sealed record EnumMemberSymbol(string Name, EnumType Enum, int Ordinal, SourceSpan Span) : Symbol(Name, Span)
{
    public override string Kind => "enum member";
}

internal sealed record VarSymbol(StateVar Var) : Symbol(Var.Name, Var.Span)
{
    public override string Kind => "variable";
}

internal sealed record DefSymbol(DefDecl Decl) : Symbol(Decl.Name, Decl.Span)
{
    public override string Kind => "definition";
}

internal sealed record ProcedureSymbol(ProcedureDecl Decl) : Symbol(Decl.Name, Decl.Span)
{
    public override string Kind => "procedure";
}

internal sealed record HunkSymbol(Hunk Hunk) : Symbol(Hunk.Name, Hunk.Span)
{
    public override string Kind => "hunk";
}

internal sealed record OtherSymbol(string Name, string What, SourceSpan Span) : Symbol(Name, Span)
{
    public override string Kind => What;
}
