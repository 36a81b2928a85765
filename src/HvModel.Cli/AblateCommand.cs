using System.Collections.Immutable;
using System.CommandLine;
using HvModel.Core.Binding;
using HvModel.Core.Checking;
using HvModel.Core.Ir;
using HvModel.Core.Printing;
using HvModel.Core.Text;
using HvModel.Explicit;

namespace HvModel.Cli;

/// <summary>
/// <c>hvmodel ablate [MODEL] [--variant V]</c>: checks every subset of a variant's hunks and
/// says which hunks each property needs, so a reviewer sees which hunk fixes what (and which
/// hunk fixes nothing). Uses the explicit engine.
/// </summary>
public static class AblateCommand
{
    private static readonly ModelOptions Source = new();
    private static readonly LimitOptions Limits = new(50_000_000);
    private static readonly Option<string?> Variant = new("--variant") { Description = "The variant whose hunks are taken apart (default: the one with the most hunks)" };

    /// <summary>More hunks than this would mean more runs than a review wants to wait for.</summary>
    private const int MaxHunks = 8;

    public static Command Create()
    {
        var command = new Command("ablate", "Check every subset of a variant's hunks: which hunk fixes which property") { Variant };
        Source.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        if (Limits.Read(parse) is not { } limits)
        {
            return 2;
        }

        if (Source.Load(parse) is not { } model)
        {
            return 2;
        }

        var name = parse.GetValue(Variant);
        var full = name is null
            ? model.Variants.MaxBy(v => v.Hunks.Length)!
            : model.Variants.FirstOrDefault(v => v.Name == name) ?? throw new ModelError(Binder.CommandLine, $"--variant {name}: the model has no such variant");
        if (full.Hunks.Length > MaxHunks)
        {
            return Cli.UsageError($"variant {full.Name} has {full.Hunks.Length} hunks; ablate takes at most {MaxHunks}");
        }

        var invariants = model.Properties.Where(p => p.Kind == PropertyKind.Invariant).ToList();
        var subsets = Subsets(full.Hunks).ToList();
        var verdicts = new Dictionary<string, Dictionary<string, Verdict>>();
        var engine = new ExplicitEngine();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? reason = null;
        foreach (var subset in subsets)
        {
            var variant = new Variant(Label(subset), subset, "", SourceSpan.None);
            // --timeout bounds the whole ablation: each run gets what is left of it.
            var left = limits.Timeout - clock.Elapsed;
            var options = limits.Apply(new CheckOptions { CheckDeadlock = false }) with { Timeout = left is { } l ? TimeSpan.FromTicks(Math.Max(l.Ticks, 1)) : null };
            var results = engine.Check(model, variant, invariants, options);
            verdicts[variant.Name] = results.ToDictionary(r => r.Property, r => r.Verdict);
            reason ??= results.FirstOrDefault(r => r.Verdict == Verdict.Unknown)?.Reason;
        }

        Console.Out.Write(Render(model, full, invariants, subsets, verdicts));
        if (reason is not null)
        {
            Console.Error.WriteLine($"hvmodel: the ablation is incomplete: {reason}");
        }

        return verdicts.Values.SelectMany(v => v.Values).Any(v => v == Verdict.Unknown) ? 3 : 0;
    }

    private static string Render(Model model, Variant full, List<PropertyDef> invariants, List<ImmutableArray<Hunk>> subsets, Dictionary<string, Dictionary<string, Verdict>> verdicts)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"Ablation of variant {full.Name} of {model.Name}: {subsets.Count} subsets of its {full.Hunks.Length} hunks");
        for (var h = 0; h < full.Hunks.Length; h++)
        {
            foreach (var line in StateFormatter.Wrap($"  {(char)('A' + h)} = {full.Hunks[h].Name}: {full.Hunks[h].Description}", TextReport.Width - 4))
            {
                sb.AppendLine(line.StartsWith(' ') ? line : "      " + line);
            }
        }

        sb.AppendLine();
        sb.Append("hunks".PadRight(8));
        for (var p = 0; p < invariants.Count; p++)
        {
            sb.Append($"[{p + 1}]".PadRight(10));
        }

        sb.Length = sb.ToString().TrimEnd().Length;
        sb.AppendLine();
        foreach (var subset in subsets)
        {
            var label = Letters(full, subset);
            sb.Append(label.PadRight(8));
            foreach (var p in invariants)
            {
                sb.Append(VerdictWords.Cell(p.Kind, verdicts[Label(subset)][p.Name]).PadRight(10));
            }

            sb.Length = sb.ToString().TrimEnd().Length;
            sb.AppendLine();
        }

        sb.AppendLine();
        for (var p = 0; p < invariants.Count; p++)
        {
            sb.AppendLine($"  [{p + 1}] {invariants[p].Name}: {Needs(full, invariants[p], subsets, verdicts)}");
        }

        return sb.ToString();
    }

    /// <summary>What a property needs, in words: the least hunk sets under which it holds.</summary>
    private static string Needs(Variant full, PropertyDef property, List<ImmutableArray<Hunk>> subsets, Dictionary<string, Dictionary<string, Verdict>> verdicts)
    {
        var unknown = subsets.Count(s => verdicts[Label(s)][property.Name] == Verdict.Unknown);
        if (unknown > 0)
        {
            // What a property needs cannot be told from runs that gave up.
            return $"unknown: a limit was hit in {unknown} of {subsets.Count} subsets (--max-states, --timeout)";
        }

        var holding = subsets.Where(s => verdicts[Label(s)][property.Name] == Verdict.Holds).ToList();
        if (holding.Count == 0)
        {
            return "violated whatever hunks are applied";
        }

        if (holding.Any(s => s.IsEmpty))
        {
            return "holds without any hunk";
        }

        // The minimal sets: no proper subset of them also makes the property hold.
        var minimal = holding.Where(s => !holding.Any(t => t.Length < s.Length && t.All(s.Contains))).ToList();
        var sets = minimal.Select(s => string.Join(" + ", s.Select(h => h.Name)));
        var monotone = holding.Count == subsets.Count(s => minimal.Any(m => m.All(s.Contains)));
        return $"needs {string.Join(", or ", sets)}{(monotone ? "" : " (not monotone: some supersets violate it)")}";
    }

    private static IEnumerable<ImmutableArray<Hunk>> Subsets(ImmutableArray<Hunk> hunks)
    {
        for (var mask = 0; mask < 1 << hunks.Length; mask++)
        {
            yield return [.. hunks.Where((_, i) => (mask & (1 << i)) != 0)];
        }
    }

    private static string Label(ImmutableArray<Hunk> subset) => subset.IsEmpty ? "{}" : string.Join("+", subset.Select(h => h.Name));

    private static string Letters(Variant full, ImmutableArray<Hunk> subset) =>
        subset.IsEmpty ? "-" : string.Concat(subset.Select(h => (char)('A' + full.Hunks.IndexOf(h))));
}
