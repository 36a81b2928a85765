using System.Text;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// A text that is equal for two bindings of a model exactly when they differ in nothing but
/// the sizes of their scalarsets: types print by name (a scalarset without its size), literals
/// and ranges by value. Prove binds the model at several sizes; when the fingerprints differ,
/// a size constant is used elsewhere (<c>0 .. CPUS + 1</c>, <c>count(...) = N</c>) and the
/// translation over sorts of any size would not be the model.
/// </summary>
public sealed class IrFingerprint : IExprVisitor<bool>, IStmtVisitor<bool>
{
    private readonly StringBuilder text = new();

    /// <summary>The fingerprint of each part of the model, by part (a variable, an action, a property, init).</summary>
    public static IReadOnlyList<(string Part, string Text)> Of(Model model, Variant variant)
    {
        var parts = new List<(string, string)>();
        foreach (var v in model.Vars)
        {
            parts.Add(($"var {v.Name}", Type(v.Type)));
        }

        parts.Add(("init", Print(f => f.Visit(model.Init))));
        foreach (var a in model.Actions)
        {
            parts.Add(($"action {a.Name}", Print(f =>
            {
                f.text.Append(string.Join(",", a.Parameters.Select(p => $"{p.Slot}:{Type(p.Type)}"))).Append('|');
                f.Visit(a.Guard);
                f.text.Append('|');
                f.Visit(a.Body);
            })));
        }

        foreach (var p in model.Properties)
        {
            parts.Add(($"{(p.Kind == PropertyKind.Cover ? "cover" : p.IsLemma ? "lemma" : "invariant")} {p.Name}", Print(f => f.Visit(p.Predicate))));
        }

        parts.Add(("variant", string.Join(",", variant.Hunks.Select(h => h.Name))));
        return parts;
    }

    private static string Print(Action<IrFingerprint> write)
    {
        var f = new IrFingerprint();
        write(f);
        return f.text.ToString();
    }

    private static string Type(HvType t) => t switch
    {
        ScalarsetType s => $"scalarset {s.Name} with {string.Join(",", s.Distinguished)}{(s.Block is { } b ? $" in blocks of {b}" : "")}",
        RangeType r => $"{r.Lo}..{r.Hi}",
        ArrayType a => $"array[{Type(a.Index)}] of {Type(a.Element)}",
        _ => t.Display,
    };

    private void Visit(Expr e) => e.Accept(this);

    private void Visit(Stmt s) => s.Accept(this);

    private bool Node(string head, params object[] parts)
    {
        text.Append('(').Append(head);
        foreach (var p in parts)
        {
            text.Append(' ');
            switch (p)
            {
                case Expr e: Visit(e); break;
                case Stmt s: Visit(s); break;
                default: text.Append(p); break;
            }
        }

        text.Append(')');
        return true;
    }

    public bool VisitLiteral(LiteralExpr e) => Node("lit", Type(e.Type), e.Value);

    public bool VisitVar(VarExpr e) => Node("var", e.Var.Name);

    public bool VisitIndex(IndexExpr e) => Node("index", e.Array, e.Index);

    public bool VisitLocal(LocalExpr e) => Node("local", e.Local.Slot, Type(e.Local.Type));

    public bool VisitUnary(UnaryExpr e) => Node(e.Op.ToString(), e.Operand);

    public bool VisitBinary(BinaryExpr e) => Node(e.Op.ToString(), e.Left, e.Right);

    public bool VisitCond(CondExpr e) => Node("if", e.Condition, e.Then, e.Else);

    public bool VisitQuant(QuantExpr e) => Node(e.Quantifier.ToString(), e.Variable.Slot, Type(e.Variable.Type), e.Body);

    public bool VisitHunk(HunkExpr e) => Node("hunk", e.Hunk.Name);

    public bool VisitAssign(AssignStmt s) => Node(":=", s.Target, s.Value);

    public bool VisitBlock(BlockStmt s) => Node("block", [.. s.Statements]);

    public bool VisitIf(IfStmt s) => Node("if", s.Condition, s.Then, s.Else);

    public bool VisitFor(ForStmt s) => Node("for", s.Variable.Slot, Type(s.Variable.Type), s.Body);

    public bool VisitAny(AnyStmt s) => s.Where is null
        ? Node("any", s.Variable.Slot, Type(s.Variable.Type), s.Body)
        : Node("any", s.Variable.Slot, Type(s.Variable.Type), s.Where, s.Body);

    public bool VisitLet(LetStmt s) => Node("let", s.Variable.Slot, Type(s.Variable.Type), s.Value, s.Body);

    public bool VisitNote(NoteStmt s) => Node("note", s.Text.Length);
}
