using HvModel.Core.Binding;
using HvModel.Core.Ir;
using HvModel.Core.Text;

namespace HvModel.TestSupport;

/// <summary>Paths in the repository the tests run from (found from the test binary upwards).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The model at a path from the repository's root, with its includes read from disk.</summary>
    public static Model Load(params string[] parts) => ModelLoader.Load(new FileSourceResolver(), Path(parts));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "HvModel.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HvModel.sln not found above the test binaries");
    }
}
