using System.Collections.Immutable;
using System.Text.RegularExpressions;
using HvModel.Core.Ir;
using HvModel.Core.Patches;

namespace HvModel.Core.Review;

/// <summary>
/// Reads a patch against a model's hunk declarations: a hunk's line (<c>adds "text" in f</c>)
/// matches a changed line of that kind, in function f of the file that the model says holds f,
/// whose text contains the pattern's (white space compared loosely). A base hunk is reverted
/// when every one of its lines appears with the opposite change.
/// </summary>
public static partial class HunkMatcher
{
    public static PatchMatch Match(Model model, Patch patch, Variant baseVariant)
    {
        var changed = Changes(patch);
        var found = new HashSet<DiffLine>();
        var hunks = new List<HunkRecognition>();
        var reverted = new List<HunkRecognition>();
        foreach (var hunk in model.Hunks.Where(h => !h.Patterns.IsEmpty))
        {
            var forward = Recognise(hunk, changed, inverted: false);
            if (!baseVariant.Applies(hunk) && forward.Patterns.Any(p => p.Found))
            {
                hunks.Add(forward);
                found.UnionWith(forward.Patterns.SelectMany(p => p.Lines));
            }

            // A hunk the base already has: the patch can only take it away.
            var backward = Recognise(hunk, changed, inverted: true);
            if (baseVariant.Applies(hunk) && backward.Recognised)
            {
                reverted.Add(backward);
                found.UnionWith(backward.Patterns.SelectMany(p => p.Lines));
            }
        }

        var uncaptured = new List<ChangedCode>();
        var uncovered = new List<ChangedCode>();
        foreach (var group in changed.GroupBy(c => (c.Hunk, c.File, c.Line.Function)))
        {
            var code = new ChangedCode(group.Key.File, group.Key.Function, group.Key.Hunk, [.. group.Select(c => c.Line)]);
            if (!IsModelled(model, code.File, code.Function))
            {
                uncovered.Add(code);
            }
            else if (!code.Lines.Any(found.Contains))
            {
                uncaptured.Add(code);
            }
        }

        return new PatchMatch(patch, [.. hunks], [.. reverted], [.. uncaptured], [.. uncovered])
        {
            TouchesNothingModelled = changed.Count > 0 && changed.All(c => !IsModelled(model, c.File, c.Line.Function)),
        };
    }

    /// <summary>The model's hunks that a patch applied to <paramref name="baseVariant"/> leaves: base's, minus those reverted, plus those recognised.</summary>
    public static ImmutableArray<Hunk> Result(Model model, Variant baseVariant, IEnumerable<PatchMatch> patches)
    {
        var applied = baseVariant.Hunks.ToHashSet();
        foreach (var m in patches)
        {
            applied.ExceptWith(m.Reverted.Select(r => r.Hunk));
            applied.UnionWith(m.Recognised);
        }

        // In the model's order, so that a declared variant with the same hunks compares equal.
        return [.. model.Hunks.Where(applied.Contains)];
    }

    /// <summary>Whether <paramref name="file"/> (a path in the patch) is the model's <paramref name="modelled"/> file: the same, or under another root.</summary>
    public static bool SameFile(string file, string modelled) =>
        file == modelled || file.EndsWith("/" + modelled, StringComparison.Ordinal) || modelled.EndsWith("/" + file, StringComparison.Ordinal);

    private static bool IsModelled(Model model, string file, string? function) =>
        function is not null && model.ModelledCode.Any(m => SameFile(file, m.File) && m.Functions.Contains(function));

    /// <summary>
    /// Each of the hunk's lines, found when the patch adds (or removes) more lines with its text
    /// in its function than it removes (or adds): a line edited or moved, removed and added
    /// again, neither implements nor reverts anything.
    /// </summary>
    private static HunkRecognition Recognise(Hunk hunk, IReadOnlyList<Changed> changed, bool inverted) =>
        new(hunk, [.. hunk.Patterns.Select(p =>
        {
            var lines = changed.Where(c => Shows(p, c)).Select(c => c.Line).ToList();
            var wanted = (p.Change == PatchChange.Adds) != inverted ? DiffLineKind.Added : DiffLineKind.Removed;
            var net = lines.Count(l => l.Kind == wanted) > lines.Count(l => l.Kind != wanted);
            return new PatternMatch(p, net ? [.. lines.Where(l => l.Kind == wanted)] : []);
        })]);

    // A comment that names a call is not the call: "here hv_compose_msi_msg() must be used".
    private static bool Shows(HunkPattern p, Changed c) =>
        c.Line.Function == p.Function && SameFile(c.File, p.File) && !FunctionAttribution.IsComment(c.Line.Text)
        && Loose(c.Line.Text).Contains(Loose(p.Text), StringComparison.Ordinal);

    private static string Loose(string text) => Space().Replace(text.Trim(), " ");

    private static List<Changed> Changes(Patch patch) =>
    [
        .. patch.Hunks.SelectMany((h, i) => h.Lines.Where(l => l.Kind != DiffLineKind.Context).Select(l => new Changed(i, h.File, l))),
    ];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private sealed record Changed(int Hunk, string File, DiffLine Line);
}
