using System.Collections.Immutable;
using HvModel.Core.Ir;
using HvModel.Core.Syntax;
using HvModel.Core.Text;

namespace HvModel.Core.Binding;

/// <summary>
/// The binder's link to kernel code: the files and functions a model stands for (<c>models</c>)
/// and the lines by which a patch shows each hunk (<c>adds</c>, <c>removes</c>).
/// </summary>
public sealed partial class Binder
{
    private static ImmutableArray<ModelledCode> BindModelledCode(IReadOnlyList<ModelsDecl> decls)
    {
        var fileOf = new Dictionary<string, ModelsDecl>();
        var result = ImmutableArray.CreateBuilder<ModelledCode>();
        foreach (var d in decls)
        {
            if (string.IsNullOrWhiteSpace(d.File))
            {
                throw new ModelError(d.Span, "'models' needs a file path, such as \"drivers/pci/controller/pci-hyperv.c\"");
            }

            foreach (var f in d.Functions)
            {
                // A pattern names a function alone: it must say which file it is in.
                if (fileOf.TryGetValue(f.Text, out var earlier))
                {
                    throw new ModelError(f.Span, $"function '{f.Text}' is already modelled in \"{earlier.File}\" (line {earlier.Span.Line})");
                }

                fileOf[f.Text] = d;
            }

            result.Add(new ModelledCode(d.File, [.. d.Functions.Select(f => f.Text)], d.Span));
        }

        return result.ToImmutable();
    }

    private ImmutableArray<HunkPattern> BindHunkPatterns(HunkDecl h) =>
    [
        .. h.Patterns.Select(p => new HunkPattern(
            p.Change,
            p.Text,
            modelledCode.FirstOrDefault(m => m.Functions.Contains(p.Function.Text))?.File
                ?? throw new ModelError(p.Function.Span, $"hunk '{h.Name}' looks for a change in '{p.Function.Text}', which no 'models' declaration lists: add it to the file it is in"),
            p.Function.Text,
            p.Span)),
    ];
}
