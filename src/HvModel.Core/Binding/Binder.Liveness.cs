using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>The binder's liveness properties and fairness.</summary>
public sealed partial class Binder
{
    private LivenessDef BindLiveness(LivenessDecl l)
    {
        BeginFrame();
        var p = BindExpr(l.P, Scope.Empty);
        RequireBool(p, $"liveness property '{l.Name}'");
        Expr? q = null;
        if (l.Q is not null)
        {
            q = BindExpr(l.Q, Scope.Empty);
            RequireBool(q, $"liveness property '{l.Name}'");
        }

        return new LivenessDef(l.Name, l.Description, l.Form, p, q, l.Span);
    }

    /// <summary>Each named action's fairness; one action named twice is an error, whatever the kinds.</summary>
    private static ImmutableDictionary<ActionDef, Fairness> BindFairness(IReadOnlyList<FairDecl> decls, IReadOnlyCollection<ActionDef> actions)
    {
        var fairness = ImmutableDictionary.CreateBuilder<ActionDef, Fairness>();
        foreach (var d in decls)
        {
            foreach (var n in d.Actions)
            {
                var action = actions.FirstOrDefault(a => a.Name == n.Text)
                    ?? throw new ModelError(n.Span, $"'fair' names '{n.Text}', which is no action of the model");
                if (!fairness.TryAdd(action, d.Fairness))
                {
                    throw new ModelError(n.Span, $"action '{n.Text}' is given a fairness twice");
                }
            }
        }

        return fairness.ToImmutable();
    }
}
