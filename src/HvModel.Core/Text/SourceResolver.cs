using System.Text;

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

    /// <summary>The largest model source read: far above any real model, far below what would exhaust memory.</summary>
    public const int MaxFileBytes = 4 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string? Read(string resolvedPath)
    {
        if (Directory.Exists(resolvedPath))
        {
            throw new InvalidDataException("it is a folder, not a model file");
        }

        if (!File.Exists(resolvedPath))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(resolvedPath).Length;
            if (length > MaxFileBytes)
            {
                throw new InvalidDataException($"it has {length} bytes, more than the {MaxFileBytes} a model file may have");
            }

            bytes = File.ReadAllBytes(resolvedPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException(e.Message, e);
        }

        return Decode(bytes);
    }

    /// <summary>Model text is UTF-8 (a byte-order mark is skipped); anything else is reported where it starts.</summary>
    public static string Decode(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(0, e.Index);
            var before = bytes.AsSpan(0, Math.Min(at, bytes.Length));
            var line = 1 + before.Count((byte)'\n');
            var column = before.Length - before.LastIndexOf((byte)'\n');
            var bad = at < bytes.Length ? $" (0x{bytes[at]:X2})" : "";
            throw new SourceDecodeException($"it is not UTF-8 text: an invalid byte{bad}", line, column, e);
        }
    }
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
