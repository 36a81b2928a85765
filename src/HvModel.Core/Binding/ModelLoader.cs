using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>Reads a model file and the files it includes, then binds them into one <see cref="Model"/>.</summary>
public static class ModelLoader
{
    /// <summary>Loads and binds <paramref name="path"/>; throws <see cref="ModelError"/> on any problem.</summary>
    public static Model Load(ISourceResolver resolver, string path, IReadOnlyDictionary<string, string>? constants = null)
    {
        var root = resolver.Resolve(null, path);
        var decls = new List<DeclSyntax>();
        Collect(resolver, root, decls, [], new HashSet<string>(), SourceSpan.None with { File = root });
        var model = Binder.Bind(decls, root, constants);
        Checking.InitialStateCheck.Require(model, model.Variants);
        return model;
    }

    public static Model LoadFile(string path, IReadOnlyDictionary<string, string>? constants = null) =>
        Load(new FileSourceResolver(), path, constants);

    /// <summary>Binds model text held in memory (tests, generated models).</summary>
    public static Model LoadText(string text, string file = "model.hvm", IReadOnlyDictionary<string, string>? constants = null) =>
        Load(new MemorySourceResolver(new Dictionary<string, string> { [file] = text }), file, constants);

    private static void Collect(ISourceResolver resolver, string file, List<DeclSyntax> decls, Stack<string> active, HashSet<string> done, SourceSpan from)
    {
        if (active.Contains(file))
        {
            throw new ModelError(from, $"'{file}' includes itself");
        }

        if (!done.Add(file))
        {
            return;
        }

        string? text;
        try
        {
            text = resolver.Read(file);
        }
        catch (SourceDecodeException e)
        {
            // Point at the bad byte itself, in the file that holds it.
            throw new ModelError(new SourceSpan(file, e.Line, e.Column), $"cannot read '{file}': {e.Message}");
        }
        catch (InvalidDataException e)
        {
            // The top-level file has no including line: its errors point at its start.
            throw new ModelError(from.Line == 0 ? new SourceSpan(file, 1, 1) : from, $"cannot read '{file}': {e.Message}");
        }

        if (text is null)
        {
            throw new ModelError(from, $"cannot read '{file}': no such file");
        }

        active.Push(file);
        foreach (var d in Parser.ParseFile(file, text))
        {
            if (d is IncludeDecl inc)
            {
                // A path the file system cannot name at all ("", NUL, control characters) is the
                // model's error, reported before any resolver sees it.
                if (inc.Path.Length == 0 || inc.Path.Any(char.IsControl))
                {
                    throw new ModelError(inc.Span, $"include \"{Printable(inc.Path)}\": not a valid file name");
                }

                Collect(resolver, resolver.Resolve(file, inc.Path), decls, active, done, inc.Span);
            }
            else
            {
                decls.Add(d);
            }
        }

        active.Pop();
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
