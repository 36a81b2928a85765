using HvModel.Core.Binding;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.Symbolic.Tests;

/// <summary>Models of the repository, by path from its root.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static Model Load(params string[] parts) => ModelLoader.Load(new FileSourceResolver(), Path.Combine([Root, .. parts]));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "HvModel.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
