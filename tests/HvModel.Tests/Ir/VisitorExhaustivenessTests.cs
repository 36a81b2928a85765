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
}
