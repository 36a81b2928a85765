using System.Text.RegularExpressions;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Prove;

/// <summary>
/// Whether prove's queries stay in the decidable fragment (EPR, many-sorted and stratified, as
/// Ivy checks it): no integer arithmetic over the model's state, and no cycle among the
/// uninterpreted sorts through functions (a state array <c>eff_cpu: Irq -> Cpu</c>, a choice
/// made per member inside a loop). Inside it, every query has a finite model when it has one,
/// and z3 answers; outside it, z3 may answer unknown, which prove reports as such.
/// </summary>
public static partial class EprFragment
{
    public static string Describe(ParamEncoder encoder)
    {
        var reasons = new List<string>();
        var integers = encoder.Model.Vars.Where(v => ProveVocabulary.ElementType(v) is RangeType).Select(v => v.Name).ToList();
        if (integers.Count > 0)
        {
            reasons.Add($"integer state ({string.Join(", ", integers.Take(4))}{(integers.Count > 4 ? ", ..." : string.Empty)}): linear integer arithmetic");
        }

        var edges = new HashSet<(string From, string To)>();
        foreach (var v in encoder.Model.Vars)
        {
            if (ProveVocabulary.ElementType(v) is ScalarsetType result)
            {
                foreach (var index in encoder.Vocabulary.IndexTypes(v).OfType<ScalarsetType>())
                {
                    edges.Add((index.Name, result.Name));
                }
            }
        }

        foreach (var declaration in encoder.Actions.Append(encoder.Init).SelectMany(s => s.Declarations))
        {
            var m = FunctionDeclaration().Match(declaration);
            if (m.Success && m.Groups["result"].Value.StartsWith("sort.", StringComparison.Ordinal))
            {
                foreach (var arg in m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => a.StartsWith("sort.", StringComparison.Ordinal)))
                {
                    edges.Add((arg[5..], m.Groups["result"].Value[5..]));
                }
            }
        }

        var cycle = edges.FirstOrDefault(e => Reaches(edges, e.To, e.From));
        if (cycle != default)
        {
            reasons.Add($"functions from {cycle.From} to {cycle.To} and back: not stratified");
        }

        var stratification = edges.Count == 0 ? "no functions between sorts" : string.Join(", ", edges.Order().Select(e => $"{e.From} -> {e.To}"));
        return reasons.Count == 0 ? $"EPR (stratified: {stratification})" : $"outside EPR: {string.Join("; ", reasons)}";
    }

    private static bool Reaches(HashSet<(string From, string To)> edges, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (s == to)
            {
                return true;
            }

            foreach (var e in edges.Where(e => e.From == s && seen.Add(e.To)))
            {
                queue.Enqueue(e.To);
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\(declare-fun \S+ \((?<args>[^)]*)\) (?<result>\S+)\)$")]
    private static partial Regex FunctionDeclaration();
}
