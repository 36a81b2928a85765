namespace HvModel.Cli;

/// <summary>
/// Checks of the paths a user names for output, made before any work starts, so that a bad path
/// is a clear error (exit 2) and not an exception after minutes of search. Each returns null when
/// the path is usable, or the message.
/// </summary>
public static class OutputPaths
{
    /// <summary>A folder to write files into: made if missing (when <paramref name="create"/>), and probed for writing.</summary>
    public static string? CheckFolder(string option, string dir, bool create)
    {
        if (dir.Trim().Length == 0)
        {
            return $"{option} needs a folder, not an empty name";
        }

        if (dir.Contains('\0', StringComparison.Ordinal))
        {
            return $"{option}: the folder name holds a NUL character";
        }

        if (File.Exists(dir))
        {
            return $"{option} {dir}: is a file, not a folder";
        }

        if (!Directory.Exists(dir))
        {
            if (FileAbove(dir) is { } file)
            {
                return $"{option} {dir}: cannot make the folder: {file} is a file";
            }

            if (!create)
            {
                return null;
            }
        }

        try
        {
            Directory.CreateDirectory(dir);
            Probe(dir);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{option} {dir}: cannot write into the folder: {e.Message}";
        }
    }

    /// <summary>A file to be written (replaced if it exists): its folder must exist, and it must not be a folder.</summary>
    public static string? CheckFile(string option, string file)
    {
        if (file.Trim().Length == 0)
        {
            return $"{option} needs a file name, not an empty name";
        }

        if (file.Contains('\0', StringComparison.Ordinal))
        {
            return $"{option}: the file name holds a NUL character";
        }

        if (Directory.Exists(file))
        {
            return $"{option} {file}: is a folder; give a file name";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (!Directory.Exists(folder))
        {
            return FileAbove(folder) is { } above
                ? $"{option} {file}: {above} is a file, not a folder"
                : $"{option} {file}: the folder {folder} does not exist";
        }

        if (File.Exists(file) && File.GetAttributes(file).HasFlag(FileAttributes.ReadOnly))
        {
            return $"{option} {file}: the file is read-only";
        }

        return null;
    }

    /// <summary>The nearest existing one of <paramref name="path"/> and its ancestors, when it is a file (so nothing can be made under it).</summary>
    private static string? FileAbove(string path)
    {
        for (var p = Path.GetFullPath(path); !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
        {
            if (File.Exists(p))
            {
                return p;
            }

            if (Directory.Exists(p))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Creates and removes a file of its own, so an unwritable folder is found before the run.</summary>
    private static void Probe(string dir)
    {
        var probe = Path.Combine(dir, $".hvmodel-probe-{Environment.ProcessId}");
        using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
        {
        }
    }
}
