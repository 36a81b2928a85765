using System.Text;
using HvModel.Reports;

namespace HvModel.Tests.Reports;

public class HeaderTests
{
    private const string Model = "const N: 1 .. 4 = 2\nconst M = 1\nvar x: 0 .. N = 0\n";

    private static string Header(Dictionary<string, string>? constants)
    {
        var sb = new StringBuilder();
        TextReport.Header(sb, Check.Load(Model, constants), new ReportHeader("hvmodel", "0", "explicit", null, []));
        return sb.ToString();
    }

    [Fact]
    public void An_overridden_constant_is_starred_and_the_star_explained()
    {
        Assert.Contains("constants: N=3* M=1 (* set by --const)", Header(new() { ["N"] = "3" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_overrides_there_is_neither_star_nor_legend()
    {
        var header = Header(null);

        Assert.Contains("constants: N=2 M=1\n", header.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("*", header, StringComparison.Ordinal);
    }
}
