using HvModel.Core.Binding;
using HvModel.Core.Text;

namespace HvModel.Tests.Syntax;

/// <summary>
/// Every model under tests/models/errors states on its first line the exact error it must
/// produce (<c>-- expect: file:line:col: error: message</c>).
/// </summary>
public class ErrorModelTests
{
    public static TheoryData<string> ErrorModels()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo.Path("tests", "models", "errors"), "*.hvm").Order())
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorModels))]
    public void Error_model_reports_the_expected_error(string name)
    {
        var text = File.ReadAllText(Repo.Path("tests", "models", "errors", name));
        var expected = text.Split('\n')[0]["-- expect: ".Length..].Trim();
        var resolver = new MemorySourceResolver(new Dictionary<string, string> { [name] = text });

        var error = Assert.Throws<ModelError>(() => ModelLoader.Load(resolver, name));

        Assert.Equal(expected, error.Format());
    }
}
