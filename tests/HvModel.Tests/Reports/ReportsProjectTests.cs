using System.Reflection;
using HvModel.Reports;

namespace HvModel.Tests.Reports;

/// <summary>
/// Reports read results and traces; engines never read reports. An engine that could call a
/// formatter could reason about the text it prints instead of the values it has.
/// </summary>
public class ReportsProjectTests
{
    [Theory]
    [InlineData("HvModel.Core")]
    [InlineData("HvModel.Explicit")]
    [InlineData("HvModel.Symbolic")]
    [InlineData("HvModel.Export")]
    public void No_engine_nor_Core_references_the_reports_project(string project)
    {
        var csproj = File.ReadAllText(Repo.Path("src", project, project + ".csproj"));

        Assert.DoesNotContain("HvModel.Reports", csproj, StringComparison.Ordinal);
        Assert.DoesNotContain(Assembly.Load(project).GetReferencedAssemblies(), a => a.Name == "HvModel.Reports");
    }

    [Fact]
    public void The_reports_project_references_Core_and_nothing_else_of_ours()
    {
        var ours = typeof(TextReport).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("HvModel.", StringComparison.Ordinal));

        Assert.Equal(["HvModel.Core"], ours);
    }

    [Fact]
    public void Core_has_no_formatting_namespace()
    {
        var core = typeof(Core.Ir.Model).Assembly;

        Assert.DoesNotContain(core.GetTypes(), t => t.Namespace?.StartsWith("HvModel.Core.Printing", StringComparison.Ordinal) == true);
    }
}
