using System.Reflection;
using HvModel.Core.Text;

namespace HvModel.Cli;

/// <summary>The Hyper-V MSI model and its properties, embedded in the tool (the default of <c>hvmodel check</c>).</summary>
public static class FlagshipModel
{
    /// <summary>The entry file: the properties, which include the model.</summary>
    public const string EntryPath = "properties/hv-pci-msi.hvp";

    /// <summary>A resolver over the embedded model/ and properties/ files, keyed by their repository paths.</summary>
    public static ISourceResolver Resolver()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, string>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("model/", StringComparison.Ordinal) && !name.StartsWith("properties/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[name] = reader.ReadToEnd();
        }

        return new MemorySourceResolver(files);
    }
}
