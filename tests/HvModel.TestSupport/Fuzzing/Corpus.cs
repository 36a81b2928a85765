namespace HvModel.TestSupport.Fuzzing;

/// <summary>The repository's own model files, the seeds of mutation fuzzing.</summary>
public sealed class Corpus
{
    private Corpus(string root, IReadOnlyList<string> files)
    {
        Root = root;
        Files = files;
    }

    /// <summary>The repository root the paths are relative to.</summary>
    public string Root { get; }

    /// <summary>'/'-separated paths relative to <see cref="Root"/>: model/*.hvm, properties/*.hvp, tests/models/**.</summary>
    public IReadOnlyList<string> Files { get; }

    public static Corpus Load(string root)
    {
        var files = new List<string>();
        foreach (var (dir, pattern) in new[] { ("model", "*.hvm"), ("properties", "*.hvp"), ("tests/models", "*.hvm") })
        {
            var full = Path.Combine(root, dir);
            if (Directory.Exists(full))
            {
                files.AddRange(Directory.EnumerateFiles(full, pattern, SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                    .Order(StringComparer.Ordinal));
            }
        }

        return files.Count == 0 ? throw new DirectoryNotFoundException($"no model files under {root}") : new Corpus(root, files);
    }

    public byte[] Read(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));

    /// <summary>The folder trees that includes may reach, copied into a fuzzing workspace.</summary>
    public static IReadOnlyList<string> Folders { get; } = ["model", "properties", "tests/models"];
}
