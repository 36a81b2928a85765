using System.Collections.Immutable;

namespace HvModel.Core.Patches;

/// <summary>The patches of one input, in the order they appear (one for a single mail or diff).</summary>
public sealed record PatchSeries(ImmutableArray<Patch> Patches);
