using HvModel.Core.Ir;

namespace HvModel.Tests.Ir;

/// <summary>
/// One visitor method per node kind (as P's emitter contract): every concrete node type has a
/// Visit method in its visitor interface, so every back end (evaluator, SMT translator,
/// printers) must handle it, and no node is left out.
/// </summary>
public class VisitorExhaustivenessTests
{
    [Theory]
    [InlineData(typeof(Expr), typeof(IExprVisitor<>))]
    [InlineData(typeof(Stmt), typeof(IStmtVisitor<>))]
    public void Every_node_type_has_its_visit_method(Type node, Type visitor)
    {
        var nodes = node.Assembly.GetTypes().Where(t => t.IsSubclassOf(node) && !t.IsAbstract).ToList();
        var visited = visitor.GetMethods().Select(m => m.GetParameters().Single().ParameterType).ToHashSet();

        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Contains(n, visited));
        Assert.Equal(nodes.Count, visited.Count);
    }

    [Fact]
    public void Every_visitor_implementation_covers_every_node()
    {
        var implementations = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("HvModel", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsInterface && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExprVisitor<>)))
            .ToList();

        Assert.Contains(typeof(Core.Evaluation.ExprEvaluator), implementations);
        foreach (var impl in implementations)
        {
            var iface = impl.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExprVisitor<>));
            var map = impl.GetInterfaceMap(iface);
            Assert.All(map.TargetMethods, m => Assert.False(m.IsAbstract, $"{impl.Name}.{m.Name} has no body"));
        }
    }
}
