using System.Text.RegularExpressions;
using HvModel.Core.Binding;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;

namespace HvModel.Tests.Syntax;

/// <summary>docs/language.md stays true: every <c>hvm</c> block in it is a model that loads, and its operator table names every operator.</summary>
public partial class LanguageReferenceTests
{
    private static readonly string Text = File.ReadAllText(Repo.Path("docs", "language.md"));

    [GeneratedRegex(@"^```hvm\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex HvmBlock();

    public static TheoryData<int> Examples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < HvmBlock().Count(Text.ReplaceLineEndings("\n")); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_in_the_language_reference_loads(int index)
    {
        var block = HvmBlock().Matches(Text.ReplaceLineEndings("\n"))[index].Groups[1].Value;

        var model = ModelLoader.LoadText(block, $"language.md#{index}");

        Assert.NotNull(model);
    }

    [Fact]
    public void The_reference_has_examples_and_lists_every_operator()
    {
        Assert.True(Examples().Count >= 9, "too few examples");
        foreach (var op in Enum.GetValues<BinaryOp>())
        {
            Assert.Contains($"`{IntegerOps.Spelling(op)}`", Text, StringComparison.Ordinal);
        }
    }
}
