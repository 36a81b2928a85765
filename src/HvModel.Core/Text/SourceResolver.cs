namespace HvModel.Core.Text;

/// <summary>Finds the text of a model source: a file on disk, or one embedded in the tool.</summary>
public interface ISourceResolver
{
    /// <summary>Resolves <paramref name="path"/> relative to the file that names it (null for a top-level file).</summary>
    string Resolve(string? includingFile, string path);

    /// <summary>Reads a resolved path; null when there is no such source.</summary>
    string? Read(string resolvedPath);
}

/// <summary>Reads model sources from the file system; paths are shown as the user gave them.</summary>
public sealed class FileSourceResolver : ISourceResolver
{
    public string Resolve(string? includingFile, string path)
    {
        if (Path.IsPathRooted(path) || includingFile is null)
        {
            return path;
        }

        var dir = Path.GetDirectoryName(includingFile) ?? "";
        return Path.GetRelativePath(".", Path.GetFullPath(Path.Combine(dir, path)));
    }

    public string? Read(string resolvedPath) => File.Exists(resolvedPath) ? File.ReadAllText(resolvedPath) : null;
}

/// <summary>Sources held in memory, keyed by a '/'-separated path (embedded models, tests).</summary>
public sealed class MemorySourceResolver(IReadOnlyDictionary<string, string> files) : ISourceResolver
{
    public string Resolve(string? includingFile, string path)
    {
        if (includingFile is null || path.StartsWith('/'))
        {
            return path.TrimStart('/');
        }

        var parts = new List<string>(includingFile.Split('/')[..^1]);
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    public string? Read(string resolvedPath) => files.TryGetValue(resolvedPath, out var text) ? text : null;
}
