using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Symbolic.Tests;

/// <summary>
/// A tiny breadth-first search straight over <see cref="Semantics"/>: the reference the symbolic
/// engines are compared with. Returns the length of a shortest path to a state reaching the
/// property's target (violating an invariant, satisfying a cover), or null when none is reachable.
/// </summary>
internal static class ExplicitOracle
{
    public static int? ShortestHit(Model model, Variant variant, PropertyDef property)
    {
        var semantics = new Semantics(model, variant);
        var seen = new HashSet<string>();
        var frontier = new List<int[]>();
        semantics.InitialStates(s =>
        {
            if (seen.Add(Key(s)))
            {
                frontier.Add((int[])s.Clone());
            }
        });
        for (var depth = 0; frontier.Count > 0; depth++)
        {
            var next = new List<int[]>();
            foreach (var s in frontier)
            {
                if (Hit(semantics, property, s))
                {
                    return depth;
                }
            }

            foreach (var s in frontier)
            {
                semantics.Successors(s, (_, _, n) =>
                {
                    if (seen.Add(Key(n)))
                    {
                        next.Add((int[])n.Clone());
                    }
                });
            }

            frontier = next;
        }

        return null;
    }

    private static bool Hit(Semantics semantics, PropertyDef property, int[] s) =>
        semantics.Holds(property, s) == (property.Kind == PropertyKind.Cover);

    private static string Key(int[] s) => string.Join(',', s);
}
