using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Core.Evaluation;

/// <summary>
/// An <c>if</c> whose condition reads a hunk, as one run took it: the hunks the condition
/// names, whether the then-branch was taken, and where the <c>if</c> (or <c>elsif</c>) is.
/// </summary>
public sealed record HunkBranch(ImmutableArray<Hunk> Hunks, bool Then, SourceSpan Span)
{
    /// <summary>
    /// E.g. <c>if hunk unmask_always (model/hv-pci-msi.hvm:240): then</c>: with the file, since
    /// the <c>if</c> may be in a file that the one checked includes.
    /// </summary>
    public override string ToString() =>
        $"if {string.Join(", ", Hunks.Select(h => "hunk " + h.Name))} ({Span.File}:{Span.Line}): {(Then ? "then" : "else")}";
}
