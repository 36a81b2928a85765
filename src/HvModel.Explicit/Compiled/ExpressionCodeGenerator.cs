using System.Linq.Expressions;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Explicit.Compiled;

/// <summary>
/// The successor function compiled into delegates through System.Linq.Expressions: one
/// transition function per action holding each of its instances with the arguments as
/// constants, one predicate per checked property (<see cref="StmtCompiler"/>, <see cref="ExprCompiler"/>).
/// </summary>
public sealed class ExpressionCodeGenerator : ICodeGenerator
{
    public static readonly ExpressionCodeGenerator Instance = new();

    public CompiledCode Generate(Semantics semantics, IReadOnlyList<PropertyDef> properties)
    {
        var model = semantics.Model;
        var compiler = new StmtCompiler(semantics.Variant);
        var transitions = new TransitionFunction[model.Actions.Length];
        var first = 0;
        for (var a = 0; a < model.Actions.Length; a++)
        {
            var action = model.Actions[a];
            var tuples = action.Instances().Select(i => i.Args.ToArray()).ToList();
            transitions[a] = compiler.Action(action, tuples, first).Compile();
            first += tuples.Count;
        }

        var state = Expression.Parameter(typeof(int[]), "state");
        Func<int[], bool>[] predicates = [.. properties.Select(p => Expression.Lambda<Func<int[], bool>>(compiler.Expressions.Bool(p.Predicate, state), p.Name, [state]).Compile())];
        return new CompiledCode(transitions, predicates, CompiledPacker.Compile(model.Slots), compiler.Depth, "expression trees");
    }
}
