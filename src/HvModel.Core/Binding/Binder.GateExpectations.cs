using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>The binder's gate expectations: names resolved, arguments folded, <c>when</c> applied.</summary>
public sealed partial class Binder
{
    private ImmutableArray<GateExpectation> BindGateExpectations(IEnumerable<GateExpectDecl> decls, ImmutableArray<ActionDef>.Builder actions)
    {
        var result = ImmutableArray.CreateBuilder<GateExpectation>();
        foreach (var d in decls)
        {
            foreach (var v in d.Variants.Where(v => variants.All(x => x.Name != v.Text)))
            {
                throw new ModelError(v.Span, $"expect names an unknown variant '{v.Text}'");
            }

            // The condition first: an expectation of another configuration may name what exists
            // only there (a member of a scalarset in blocks).
            if (d.When is not null)
            {
                var when = BindConstantExpr(d.When);
                if (when.Type is not BoolType)
                {
                    throw new ModelError(d.When.Span, "the condition of an expectation must be a bool");
                }

                if (when.Value == 0)
                {
                    _ = Subject(d, actions, arguments: false);
                    continue;
                }
            }

            var (kind, args) = Subject(d, actions, arguments: true);
            result.Add(new GateExpectation(kind, d.Subject.Text, args, [.. d.Variants.Select(v => v.Text)], d.Reason, d.Span));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The finding's kind, its subject and arguments checked. For an expectation whose condition
    /// does not hold here (<paramref name="arguments"/> false), a value that names nothing in this
    /// configuration is left unchecked: it may name a member that only another configuration has.
    /// </summary>
    private (GateFindingKind Kind, ImmutableArray<int?> Arguments) Subject(GateExpectDecl d, ImmutableArray<ActionDef>.Builder actions, bool arguments) => d.Kind.Text switch
    {
        "never" => (GateFindingKind.NeverFires, NeverArguments(d, actions, inThisConfiguration: arguments)),
        "inert" => hunks.Any(h => h.Name == d.Subject.Text)
            ? (GateFindingKind.InertHunk, ImmutableArray<int?>.Empty)
            : throw new ModelError(d.Subject.Span, $"expect inert names an unknown hunk '{d.Subject.Text}'"),
        _ => properties.Any(p => p.Name == d.Subject.Text && p.Kind == PropertyKind.Invariant)
            ? (GateFindingKind.VacuousImplication, ImmutableArray<int?>.Empty)
            : throw new ModelError(d.Subject.Span, $"expect vacuous names no invariant '{d.Subject.Text}'"),
    };

    private static ActionDef NeverAction(GateExpectDecl d, ImmutableArray<ActionDef>.Builder actions) =>
        actions.FirstOrDefault(a => a.Name == d.Subject.Text)
            ?? throw new ModelError(d.Subject.Span, $"expect never names an unknown action '{d.Subject.Text}'");

    /// <summary>A value per parameter of the action named, null where the expectation leaves it open.</summary>
    private ImmutableArray<int?> NeverArguments(GateExpectDecl d, ImmutableArray<ActionDef>.Builder actions, bool inThisConfiguration = true)
    {
        var action = NeverAction(d, actions);
        var values = new int?[action.Parameters.Length];
        foreach (var (name, syntax) in d.Arguments)
        {
            var index = action.Parameters.IndexOf(action.Parameters.FirstOrDefault(p => p.Name == name.Text)!);
            if (index < 0)
            {
                throw new ModelError(name.Span, $"action '{action.Name}' has no parameter '{name.Text}'");
            }

            var domain = action.Parameters[index].Domain;
            if (!inThisConfiguration && syntax is NameSyntax elsewhere && !globals.ContainsKey(elsewhere.Name))
            {
                continue;
            }

            if (domain is ScalarsetType { Fixed: 0 } plain && syntax is NameSyntax member && !globals.ContainsKey(member.Name))
            {
                throw new ModelError(syntax.Span, $"'{member.Name}' names no value of {plain.Name}: the members of a plain scalarset are interchangeable, so none has a name; " +
                    $"to single one out, declare it distinguished: 'type {plain.Name} = scalarset(N) with {member.Name}'");
            }

            // A scalarset in blocks has every member fixed, and unnamed in the model: here, where
            // no code can depend on it, a member may be named as it prints.
            if (domain is ScalarsetType { Block: > 1 } blocked && syntax is NameSyntax printed
                && Enumerable.Range(0, blocked.Size).FirstOrDefault(k => blocked.Format(k) == printed.Name, -1) is var k and >= 0)
            {
                values[index] = k;
                continue;
            }

            var value = BindConstantExpr(syntax);
            var fits = domain is RangeType ? Types.IsInteger(value.Type) : value.Type == domain;
            if (!fits || domain.OrdinalOf(value.Value) < 0)
            {
                throw new ModelError(syntax.Span, $"expected a value of {domain.Display} for parameter '{name.Text}'");
            }

            values[index] = value.Value;
        }

        return [.. values];
    }
}
