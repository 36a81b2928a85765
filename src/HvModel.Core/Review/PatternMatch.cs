using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Patches;

namespace HvModel.Core.Review;

/// <summary>One line a hunk looks for, and the patch's lines that show it (none: not found).</summary>
public sealed record PatternMatch(HunkPattern Pattern, ImmutableArray<DiffLine> Lines)
{
    public bool Found => !Lines.IsEmpty;
}
