using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Patches;

namespace HvModel.Core.Review;

/// <summary>
/// How far a patch shows one of the model's hunks: recognised when every line the hunk looks
/// for is there, partly when some are (a patch in progress, or a model gone stale).
/// </summary>
public sealed record HunkRecognition(Hunk Hunk, ImmutableArray<PatternMatch> Patterns)
{
    public bool Recognised => !Patterns.IsEmpty && Patterns.All(p => p.Found);

    public bool Partial => Patterns.Any(p => p.Found) && !Recognised;
}
