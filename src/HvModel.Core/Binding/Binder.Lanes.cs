using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>The binder's lanes: the columns of the sequence diagrams, each a set of actions.</summary>
public sealed partial class Binder
{
    /// <summary>
    /// Binds the lane declarations. Once a model declares lanes, every action is in exactly one:
    /// a step drawn in no lane, or in two, would be a diagram that misleads.
    /// </summary>
    private static ImmutableArray<Lane> BindLanes(IReadOnlyList<LaneDecl> decls, IReadOnlyCollection<ActionDef> actions)
    {
        if (decls.Count == 0)
        {
            return [];
        }

        var laneOf = new Dictionary<ActionDef, LaneDecl>();
        var lanes = ImmutableArray.CreateBuilder<Lane>();
        foreach (var d in decls)
        {
            if (lanes.FirstOrDefault(l => l.Name == d.Name) is { } twin)
            {
                throw new ModelError(d.Span, $"lane '{d.Name}' is declared twice (first at line {twin.Span.Line})");
            }

            var members = ImmutableArray.CreateBuilder<ActionDef>();
            foreach (var n in d.Actions)
            {
                var action = actions.FirstOrDefault(a => a.Name == n.Text)
                    ?? throw new ModelError(n.Span, $"lane '{d.Name}' names '{n.Text}', which is no action of the model");
                if (laneOf.TryGetValue(action, out var earlier))
                {
                    throw new ModelError(n.Span, $"action '{n.Text}' is already in lane '{earlier.Name}' (line {earlier.Span.Line}): a step is drawn in one lane");
                }

                laneOf[action] = d;
                members.Add(action);
            }

            lanes.Add(new Lane(d.Name, d.Title, members.ToImmutable(), d.Span));
        }

        if (actions.FirstOrDefault(a => !laneOf.ContainsKey(a)) is { } orphan)
        {
            throw new ModelError(orphan.Span, $"action '{orphan.Name}' is in no lane: once a model declares lanes, every action needs one");
        }

        return lanes.ToImmutable();
    }
}
