using HvModel.Core.Text;

namespace HvModel.Cli;

/// <summary>
/// The output folder of <c>counterexamples</c> and its manifest, <see cref="ManifestName"/>: the
/// list of files this command wrote there, each under the key of the model and configuration it
/// came from. A file is removed or overwritten only when the manifest lists it: a folder that holds
/// anything else of the user's is never touched, and a non-empty folder without a manifest is refused.
/// </summary>
public sealed class CounterexampleFolder
{
    public const string ManifestName = ".hvmodel-counterexamples";

    private const string Header = "# files written by 'hvmodel counterexamples' (key TAB file); only these are ever replaced or removed";

    private CounterexampleFolder(string path, List<(string Key, string File)> entries)
    {
        Path = path;
        Entries = entries;
    }

    public string Path { get; }

    /// <summary>The manifest's entries, in its order.</summary>
    public List<(string Key, string File)> Entries { get; }

    public IEnumerable<string> FilesOf(string key) => Entries.Where(e => e.Key == key).Select(e => e.File);

    /// <summary>
    /// Opens the folder for reading (<paramref name="forWriting"/> false) or writing. The error is
    /// set, and the result null, for a folder that is not the command's own or cannot be used.
    /// </summary>
    public static CounterexampleFolder? Open(string dir, bool forWriting, out string? error)
    {
        error = OutputPaths.CheckFolder("--out", dir, create: forWriting);
        if (error is not null)
        {
            return null;
        }

        var manifest = System.IO.Path.Combine(dir, ManifestName);
        if (!Directory.Exists(dir) || !File.Exists(manifest))
        {
            if (forWriting && Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            {
                error = $"--out {dir}: the folder is not empty and holds no {ManifestName} manifest, so it is not one this command wrote; give an empty or new folder";
                return null;
            }

            return new CounterexampleFolder(dir, []);
        }

        var entries = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(manifest))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var file = tab < 0 ? line : line[(tab + 1)..];
            // A hand-edited manifest must not lead the command outside the folder or onto other files.
            if (tab <= 0 || !SafeFileName.IsPlain(file) || !(file.EndsWith(".txt", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal)))
            {
                error = $"{manifest}: not a manifest written by hvmodel (line '{line}'); remove it or give another folder";
                return null;
            }

            entries.Add((line[..tab], file));
        }

        return new CounterexampleFolder(dir, entries);
    }

    /// <summary>Writes the manifest: every entry of other keys, then <paramref name="files"/> under <paramref name="key"/>.</summary>
    public void SaveManifest(string key, IEnumerable<string> files)
    {
        var kept = Entries.Where(e => e.Key != key).ToList();
        kept.AddRange(files.Select(f => (key, f)));
        kept = [.. kept.DistinctBy(e => e.File).OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.File, StringComparer.Ordinal)];
        File.WriteAllLines(System.IO.Path.Combine(Path, ManifestName), [Header, .. kept.Select(e => $"{e.Key}\t{e.File}")]);
        Entries.Clear();
        Entries.AddRange(kept);
    }

    public bool Owns(string file) => Entries.Any(e => e.File == file);
}
