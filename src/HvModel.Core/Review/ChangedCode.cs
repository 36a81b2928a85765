using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Patches;

namespace HvModel.Core.Review;

/// <summary>
/// Lines a patch changes in one function of one diff hunk. In a function the model stands for,
/// no hunk's line among them means the model does not capture the change; in any other
/// function, the model does not cover it.
/// </summary>
public sealed record ChangedCode(string File, string? Function, int DiffHunk, ImmutableArray<DiffLine> Lines);
