using System.Collections.Immutable;

namespace HvModel.Core.Patches;

/// <summary>One patch: a mail's diff, or a bare diff.</summary>
/// <param name="Subject">
/// The mail's subject without <c>Re:</c> and bracketed prefixes such as <c>[PATCH v3 1/2]</c>;
/// empty for a bare diff.
/// </param>
/// <param name="Hunks">The hunks in the order they appear.</param>
public sealed record Patch(string Subject, ImmutableArray<DiffHunk> Hunks);
