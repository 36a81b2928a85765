namespace HvModel.Core.Text;

/// <summary>
/// A model with more declarations beside it, as one source: a made-up entry file that includes
/// the model's entry, then each added file (read from disk, as <c>--lemmas FILE</c> names
/// them), then the added text (lemmas printed by prove, re-read). The model's own includes
/// resolve as they would without the additions, and errors in an added file point at it.
/// </summary>
public sealed class AddedSources : ISourceResolver
{
    /// <summary>The made-up entry's name, as error messages show it.</summary>
    public const string Entry = "<model and added declarations>";

    private readonly ISourceResolver model;
    private readonly string modelEntry;
    private readonly FileSourceResolver disk = new();
    private readonly HashSet<string> files;
    private readonly string text;

    public AddedSources(ISourceResolver model, string modelEntry, IReadOnlyList<string> files, string addedText = "")
    {
        this.model = model;
        this.modelEntry = modelEntry;
        this.files = [.. files];
        text = $"include \"{Escape(modelEntry)}\"\n{string.Concat(files.Select(f => $"include \"{Escape(f)}\"\n"))}{addedText}";
    }

    public string Resolve(string? includingFile, string path) => includingFile switch
    {
        Entry when path == modelEntry => model.Resolve(null, modelEntry),
        Entry when files.Contains(path) => path,
        null when path == Entry => Entry,
        { } f when files.Contains(f) => disk.Resolve(f, path),
        _ => model.Resolve(includingFile, path),
    };

    public string? Read(string resolvedPath) =>
        resolvedPath == Entry ? text : files.Contains(resolvedPath) ? disk.Read(resolvedPath) : model.Read(resolvedPath);

    private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
